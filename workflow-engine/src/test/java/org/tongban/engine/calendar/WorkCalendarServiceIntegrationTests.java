package org.tongban.engine.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.tongban.engine.testsupport.TestUsers.ADMIN;
import static org.tongban.engine.testsupport.TestUsers.WINDOW_CLERK;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.engine.EngineTestApplication;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.platform.ForbiddenException;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.NotFoundException;

/** The official calendar table through the service, on the real database (H2, then MariaDB). */
@SpringBootTest(classes = EngineTestApplication.class)
class WorkCalendarServiceIntegrationTests {

    @Autowired
    WorkCalendarService service;
    @Autowired
    DirectoryService directory;
    @Autowired
    TransactionTemplate transactions;

    /** The context is shared with other test classes: leave no 2027 entries behind. */
    @AfterEach
    void removeEntriesOf2027() {
        for (CalendarDay day : service.days(2027)) {
            service.removeDay(actor(ADMIN), day.day());
        }
    }

    @Test
    void seedHoldsTheOfficialCalendarsOf2025And2026() {
        WorkCalendar calendar = service.calendar();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 5))).isFalse();
        assertThat(calendar.addWorkingDays(at("2025-01-27T10:00"), 5))
                .isEqualTo(at("2025-02-10T17:30"));

        List<CalendarDay> seeded = Stream.concat(service.days(2025).stream(), service.days(2026).stream()).toList();
        assertThat(seeded).extracting(CalendarDay::day, CalendarDay::type).containsExactlyInAnyOrderElementsOf(
                OfficialCalendars.entries2025And2026().stream().map(d -> tuple(d.day(), d.type())).toList());
        assertThat(seeded).allSatisfy(d -> assertThat(d.name()).isNotBlank());
        assertThat(service.days(2026)).first().isEqualTo(new CalendarDay(LocalDate.of(2026, 1, 1), DayType.HOLIDAY, "元旦"));
    }

    @Test
    void adminChangesReachTheCachedCalendar() {
        WorkCalendar before = service.calendar();
        assertThat(service.calendar()).as("cached").isSameAs(before);
        assertThat(before.isWorkingDay(LocalDate.of(2027, 1, 1))).isTrue();

        service.addDay(actor(ADMIN), LocalDate.of(2027, 1, 1), DayType.HOLIDAY, " 元旦 ");

        assertThat(service.calendar().isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(service.days(2027)).containsExactly(new CalendarDay(LocalDate.of(2027, 1, 1), DayType.HOLIDAY, "元旦"));

        service.addDay(actor(ADMIN), LocalDate.of(2027, 1, 1), DayType.HOLIDAY, "元旦（更正）");
        assertThat(service.days(2027)).extracting(CalendarDay::name).containsExactly("元旦（更正）");

        service.removeDay(actor(ADMIN), LocalDate.of(2027, 1, 1));
        assertThat(service.calendar().isWorkingDay(LocalDate.of(2027, 1, 1))).isTrue();
        assertThatThrownBy(() -> service.removeDay(actor(ADMIN), LocalDate.of(2027, 1, 1)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void calendarCachedInsideARolledBackChangeIsDiscarded() {
        transactions.executeWithoutResult(status -> {
            service.addDay(actor(ADMIN), LocalDate.of(2027, 3, 1), DayType.HOLIDAY, "回滚");
            assertThat(service.calendar().isWorkingDay(LocalDate.of(2027, 3, 1))).isFalse();
            status.setRollbackOnly();
        });
        assertThat(service.days(2027)).isEmpty();
        assertThat(service.calendar().isWorkingDay(LocalDate.of(2027, 3, 1))).isTrue();
    }

    @Test
    void onlyAnAdminMayChangeTheCalendar() {
        Actor clerk = actor(WINDOW_CLERK);
        assertThatThrownBy(() -> service.addDay(clerk, LocalDate.of(2027, 1, 1), DayType.HOLIDAY, "元旦"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.removeDay(clerk, LocalDate.of(2026, 10, 1)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.importCsv(clerk, new StringReader("2027-01-01,HOLIDAY,元旦\n")))
                .isInstanceOf(ForbiddenException.class);
        assertThat(service.days(2027)).isEmpty();
        assertThat(service.calendar().isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
    }

    @Test
    void refusesAnAdjustedWorkingDayOnAWeekdayAndChangesNothing() {
        InvalidInputException e = catchThrowableOfType(() -> service.addDay(actor(ADMIN), LocalDate.of(2027, 1, 4),
                DayType.WORKDAY, "周一"), InvalidInputException.class);
        assertThat(e.fieldErrors()).containsOnlyKeys("dayType");
        e = catchThrowableOfType(() -> service.addDay(actor(ADMIN), null, null, "x".repeat(65)),
                InvalidInputException.class);
        assertThat(e.fieldErrors()).containsOnlyKeys("day", "dayType", "name");
        assertThat(service.days(2027)).isEmpty();
        // a holiday may fall on a weekend, as 春节 does
        service.addDay(actor(ADMIN), LocalDate.of(2027, 2, 6), DayType.HOLIDAY, "春节");
        assertThat(service.days(2027)).extracting(CalendarDay::day).containsExactly(LocalDate.of(2027, 2, 6));
    }

    @Test
    void importsAYearFromCsv() {
        String csv = "date,type,name\n"
                + "2027-01-01,HOLIDAY,元旦\n"
                + "2027-02-06,HOLIDAY,春节\n"
                + "2027-02-07,WORKDAY,春节调休上班\n"
                + "2027-02-08,HOLIDAY,春节\n";
        WorkCalendar before = service.calendar();

        List<CalendarDay> imported = service.importCsv(actor(ADMIN), new StringReader(csv));

        assertThat(imported).hasSize(4);
        assertThat(service.days(2027)).isEqualTo(imported);
        WorkCalendar after = service.calendar();
        assertThat(after).isNotSameAs(before);
        assertThat(after.isWorkingDay(LocalDate.of(2027, 2, 7))).as("Sunday 调休").isTrue();
        assertThat(after.isWorkingDay(LocalDate.of(2027, 2, 8))).isFalse();
        assertThat(after.addWorkingDays(at("2027-02-05T10:00"), 2)).isEqualTo(at("2027-02-09T17:30"));
    }

    @Test
    void csvWithOneBadLineImportsNothing() {
        service.calendar();
        String csv = "2027-01-01,HOLIDAY,元旦\n"
                + "2027-02-06,HOLIDAY,春节\n"
                + "2027-02-10,WORKDAY,周三不能调休上班\n"
                + "2027-02-08,HOLIDAY,春节\n";

        InvalidInputException e = catchThrowableOfType(() -> service.importCsv(actor(ADMIN), new StringReader(csv)),
                InvalidInputException.class);

        assertThat(e.getMessage()).contains("第 3 行");
        assertThat(e.fieldErrors()).containsOnlyKeys("line 3");
        assertThat(service.days(2027)).isEmpty();
        assertThat(service.calendar().isWorkingDay(LocalDate.of(2027, 1, 1))).isTrue();
    }

    private Actor actor(String username) {
        return directory.findActor(username).orElseThrow();
    }

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkCalendar.ZONE).toInstant();
    }
}
