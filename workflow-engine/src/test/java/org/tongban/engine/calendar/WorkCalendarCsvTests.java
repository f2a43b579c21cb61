package org.tongban.engine.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tongban.engine.platform.InvalidInputException;

/** The CSV import format of the work calendar, without the database. */
class WorkCalendarCsvTests {

    @Test
    void readsEntriesWithOptionalHeaderBomBlankLinesAndQuotedNames() {
        String csv = "\uFEFFdate,type,name\n"
                + "2027-01-01,HOLIDAY,元旦\r\n"
                + "\n"
                + " 2027-02-07 , workday , \"春节调休上班, 周日\" \n"
                + "2027-02-08,HOLIDAY\n";
        assertThat(CalendarCsv.parse(new StringReader(csv))).containsExactly(
                new CalendarDay(LocalDate.of(2027, 1, 1), DayType.HOLIDAY, "元旦"),
                new CalendarDay(LocalDate.of(2027, 2, 7), DayType.WORKDAY, "春节调休上班, 周日"),
                new CalendarDay(LocalDate.of(2027, 2, 8), DayType.HOLIDAY, null));
    }

    @Test
    void namesEveryBadLineByItsNumber() {
        String csv = "2027-01-01,HOLIDAY,元旦\n"
                + "2027-13-01,HOLIDAY,坏日期\n"
                + "2027-01-04,WORKDAY,周一不能调休上班\n"
                + "2027-01-05,HOLIDAY_OFF\n"
                + "2027-01-01,HOLIDAY,重复\n"
                + "2027-01-06\n";
        InvalidInputException e = catchThrowableOfType(() -> CalendarCsv.parse(new StringReader(csv)),
                InvalidInputException.class);
        assertThat(e.getMessage()).contains("2、3、4、5、6");
        assertThat(e.fieldErrors()).containsOnlyKeys("line 2", "line 3", "line 4", "line 5", "line 6");
        assertThat(e.fieldErrors().get("line 3")).contains("周六或周日");
        assertThat(e.fieldErrors().get("line 5")).contains("第 1 行");
    }

    @Test
    void refusesAFileWithoutEntries() {
        InvalidInputException e = catchThrowableOfType(() -> CalendarCsv.parse(new StringReader("date,type,name\n\n")),
                InvalidInputException.class);
        assertThat(e.fieldErrors()).containsKey("file");
    }
}
