package org.tongban.engine.cases.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.tongban.engine.calendar.WorkCalendar;
import org.tongban.engine.cases.persistence.CaseMapper;
import org.tongban.engine.cases.persistence.CaseRow;
import org.tongban.engine.cases.persistence.RoutingRow;
import org.tongban.engine.deadline.Deadline;
import org.tongban.engine.deadline.DeadlineKind;
import org.tongban.engine.deadline.DeadlineService;
import org.tongban.engine.deadline.DeadlineSubject;
import org.tongban.engine.directory.Department;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.matter.Matter;
import org.tongban.engine.matter.MatterCatalog;

/**
 * The clocks of a case: the case's own (from acceptance, the longest promised working days of its matters) and one
 * per department review (the longest promised working days of the matters routed to that department).
 */
@Component
class CaseClocks {

    static final String SOURCE = "CASE";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkCalendar.ZONE);

    private final CaseMapper mapper;
    private final MatterCatalog catalog;
    private final DirectoryService directory;
    private final DeadlineService deadlines;

    CaseClocks(CaseMapper mapper, MatterCatalog catalog, DirectoryService directory, DeadlineService deadlines) {
        this.mapper = mapper;
        this.catalog = catalog;
        this.directory = directory;
        this.deadlines = deadlines;
    }

    /** The case's clock, started at acceptance. */
    Deadline openCase(long caseId) {
        CaseRow row = mapper.findCase(caseId);
        Map<String, Matter> matters = catalog.mattersByCode();
        int days = mapper.findMatters(caseId).stream()
                .mapToInt(m -> matters.get(m.matterCode()).promisedDays()).max().orElse(0);
        return deadlines.open(new DeadlineSubject(DeadlineKind.CASE, caseId, null, row.caseNumber, row.title,
                agency(row.windowDepartment), row.windowDepartment, SOURCE), days, row.processInstanceId);
    }

    /** One department's clock, started when its review starts. */
    Deadline openReview(long caseId, String department) {
        CaseRow row = mapper.findCase(caseId);
        Map<String, Matter> matters = catalog.mattersByCode();
        Set<String> routed = mapper.findRoutings(caseId).stream()
                .filter(r -> r.departmentCode().equals(department)).map(RoutingRow::matterCode)
                .collect(Collectors.toSet());
        int days = routed.stream().mapToInt(code -> matters.get(code).promisedDays()).max().orElse(0);
        return deadlines.open(new DeadlineSubject(DeadlineKind.CASE_REVIEW, caseId, department, row.caseNumber,
                row.title, agency(department), department, SOURCE), days, row.processInstanceId);
    }

    /** The case's clock; absent before acceptance. */
    java.util.Optional<Deadline> caseClock(long caseId) {
        return deadlines.find(DeadlineKind.CASE, caseId, null);
    }

    String agency(String department) {
        return directory.department(department).map(Department::agencyCode).orElse(null);
    }

    static String shown(Instant instant) {
        return SHOWN.format(instant);
    }
}
