package org.tongban.office.calendar.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.engine.calendar.CalendarDay;
import org.tongban.engine.calendar.DayType;
import org.tongban.engine.calendar.WorkCalendarService;
import org.tongban.engine.directory.Actor;

/** 工作日历: everyone reads it; admins add next year's holidays and adjusted working days, one by one or as CSV. */
@RestController
@RequestMapping("/api/calendar")
@Tag(name = "工作日历")
class CalendarController {

    private final WorkCalendarService calendars;

    CalendarController(WorkCalendarService calendars) {
        this.calendars = calendars;
    }

    /** The body of a day's entry. */
    record DayForm(DayType type, String name) {
    }

    @GetMapping("/{year}")
    @Operation(summary = "某年的放假日与调休上班日")
    List<CalendarDay> year(@PathVariable int year) {
        return calendars.days(year);
    }

    @PutMapping("/days/{day}")
    @Operation(summary = "设置某日：HOLIDAY（放假）或 WORKDAY（周末调休上班）；仅系统管理员")
    CalendarDay put(@AuthenticationPrincipal Actor actor,
                    @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                    @RequestBody DayForm form) {
        return calendars.addDay(actor, day, form.type(), form.name());
    }

    @DeleteMapping("/days/{day}")
    @Operation(summary = "删除某日的条目（恢复按星期计算）；仅系统管理员")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Actor actor,
                                @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        calendars.removeDay(actor, day);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(value = "/import", consumes = {"text/csv", "text/plain"})
    @Operation(summary = "导入 CSV（日期,类型[,名称]），全部成功或全部不导入；仅系统管理员")
    List<CalendarDay> importCsv(@AuthenticationPrincipal Actor actor, @RequestBody String csv) {
        return calendars.importCsv(actor, new StringReader(csv));
    }
}
