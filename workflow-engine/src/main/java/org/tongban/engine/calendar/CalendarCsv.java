package org.tongban.engine.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tongban.engine.platform.InvalidInputException;

/**
 * The import format of the official calendar: one entry a line, {@code date,type[,name]}, e.g.
 * {@code 2027-01-01,HOLIDAY,元旦}. An optional header is a first line whose first field does not start with a
 * digit; blank lines, a UTF-8 byte order mark and a name in double quotes (as spreadsheets save it) are accepted.
 */
final class CalendarCsv {

    /** Far more than a year's entries; a longer file is not a calendar. */
    static final int MAX_LINES = 1000;

    private CalendarCsv() {
    }

    /**
     * All entries of the file, in file order.
     *
     * @throws InvalidInputException naming every bad line (field {@code "line N"}) when any line is bad
     */
    static List<CalendarDay> parse(Reader reader) {
        List<CalendarDay> days = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<LocalDate, Integer> seen = new HashMap<>();
        BufferedReader in = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
        boolean first = true;
        int number = 0;
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (number > MAX_LINES) {
                    throw new InvalidInputException("CSV 至多 " + MAX_LINES + " 行", Map.of("file", "行数过多"));
                }
                line = number == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", 3);
                String firstField = fields[0].strip();
                if (first && (firstField.isEmpty() || !Character.isDigit(firstField.charAt(0)))) {
                    first = false;
                    continue; // the header
                }
                first = false;
                Line parsed = parseLine(fields);
                String error = parsed.error();
                if (error == null && seen.containsKey(parsed.day().day())) {
                    error = "日期 " + parsed.day().day() + " 与第 " + seen.get(parsed.day().day()) + " 行重复";
                }
                if (error != null) {
                    errors.put("line " + number, error);
                } else {
                    seen.put(parsed.day().day(), number);
                    days.add(parsed.day());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!errors.isEmpty()) {
            String lines = String.join("、", errors.keySet().stream().map(k -> k.substring("line ".length())).toList());
            throw new InvalidInputException("CSV 第 " + lines + " 行有误，未导入任何日期", errors);
        }
        if (days.isEmpty()) {
            throw new InvalidInputException("CSV 中没有日期", Map.of("file", "没有数据行"));
        }
        return days;
    }

    /** One parsed line: the entry, or what is wrong with it. */
    private record Line(CalendarDay day, String error) {
    }

    private static Line parseLine(String[] fields) {
        if (fields.length < 2) {
            return new Line(null, "应为 日期,类型[,名称]，如 2027-01-01,HOLIDAY,元旦");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(fields[0].strip());
        } catch (DateTimeParseException e) {
            return new Line(null, "日期应为 yyyy-MM-dd：" + fields[0].strip());
        }
        DayType type;
        try {
            type = DayType.valueOf(fields[1].strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return new Line(null, "类型应为 HOLIDAY 或 WORKDAY：" + fields[1].strip());
        }
        CalendarDay day = new CalendarDay(date, type, fields.length > 2 ? name(fields[2]) : null);
        Map<String, String> problems = day.problems();
        return problems.isEmpty() ? new Line(day, null) : new Line(null, String.join("；", problems.values()));
    }

    private static String name(String field) {
        String name = field.strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).replace("\"\"", "\"").strip();
        }
        return name.isEmpty() ? null : name;
    }
}
