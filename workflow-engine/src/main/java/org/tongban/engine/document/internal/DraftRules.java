package org.tongban.engine.document.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.tongban.engine.directory.Agency;
import org.tongban.engine.directory.Department;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.document.DocumentForm;
import org.tongban.engine.platform.InvalidInputException;

/** Checks a draft's content before anything is written; every problem is reported at once, by field. */
@Component
public class DraftRules {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 500_000;
    static final int MAX_RECIPIENTS = 50;
    static final int MAX_COUNTERSIGNS = 20;

    private final DirectoryService directory;
    private final Offices offices;

    public DraftRules(DirectoryService directory, Offices offices) {
        this.directory = directory;
        this.offices = offices;
    }

    /** The sanitised body, when the form is acceptable for a document of {@code agencyCode} drafted in {@code department}. */
    public String check(DocumentForm form, String agencyCode, String department) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.kind() == null) {
            errors.put("kind", "必须选择文种");
        }
        String title = form.title() == null ? "" : form.title().strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            errors.put("title", "必填，至多 " + MAX_TITLE + " 字");
        }
        String body = HtmlBody.sanitise(form.body());
        if (form.body() != null && form.body().length() > MAX_BODY) {
            errors.put("body", "正文过长（至多 " + MAX_BODY + " 字符）");
        } else if (HtmlBody.lines(body).isEmpty()) {
            errors.put("body", "正文不能为空");
        }
        Map<String, Agency> agencies = directory.agencies().stream()
                .collect(Collectors.toMap(Agency::code, Function.identity()));
        Set<String> seen = new HashSet<>();
        recipients("mainRecipients", form.mainRecipients(), agencyCode, agencies, seen, errors);
        recipients("copyRecipients", form.copyRecipients(), agencyCode, agencies, seen, errors);
        if (seen.size() > MAX_RECIPIENTS) {
            errors.put("mainRecipients", "主送和抄送机关合计至多 " + MAX_RECIPIENTS + " 个");
        }
        Map<String, Department> departments = directory.departmentsByCode();
        List<String> countersign = form.countersignDepartments();
        if (countersign.size() > MAX_COUNTERSIGNS) {
            errors.put("countersignDepartments", "至多 " + MAX_COUNTERSIGNS + " 个会签部门");
        } else if (countersign.size() != Set.copyOf(countersign).size()) {
            errors.put("countersignDepartments", "会签部门重复");
        } else {
            for (String code : countersign) {
                if (!departments.containsKey(code)) {
                    errors.put("countersignDepartments", code + " 不存在");
                } else if (code.equals(department)) {
                    errors.put("countersignDepartments", "拟稿部门不必会签");
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("公文内容有误", errors);
        }
        return body;
    }

    private void recipients(String field, List<String> codes, String ownAgency, Map<String, Agency> agencies,
                            Set<String> seen, Map<String, String> errors) {
        for (String code : codes) {
            if (!agencies.containsKey(code)) {
                errors.put(field, code + " 不是已知的机关");
            } else if (code.equals(ownAgency)) {
                errors.put(field, "不能发给本机关");
            } else if (!seen.add(code)) {
                errors.put(field, agencies.get(code).name() + " 重复");
            } else if (offices.of(code).isEmpty()) {
                errors.put(field, agencies.get(code).name() + " 未设办公室（文书）岗位，无法收文");
            }
        }
    }
}
