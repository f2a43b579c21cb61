package org.tongban.engine.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.bpmn.ProcessKeys;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.Department;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.directory.Position;
import org.tongban.engine.directory.Role;
import org.tongban.engine.document.internal.DocumentAccess;
import org.tongban.engine.document.internal.DocumentTimeline;
import org.tongban.engine.document.internal.DocumentViews;
import org.tongban.engine.document.internal.DraftEditors;
import org.tongban.engine.document.internal.DraftRules;
import org.tongban.engine.document.internal.HtmlBody;
import org.tongban.engine.document.internal.Offices;
import org.tongban.engine.document.internal.TextDiff;
import org.tongban.engine.document.persistence.CodeRow;
import org.tongban.engine.document.persistence.DocumentMapper;
import org.tongban.engine.document.persistence.DocumentRow;
import org.tongban.engine.document.persistence.RecipientRow;
import org.tongban.engine.document.persistence.VersionRow;
import org.tongban.engine.platform.ConflictException;
import org.tongban.engine.platform.ForbiddenException;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.NotFoundException;

/**
 * Drafting outgoing documents (拟稿 starts {@code document-outgoing}), editing while the text may still change,
 * reading, listing, and the versions of the text with their differences.
 */
@Service
public class DocumentService {

    private static final int MAX_PAGE_SIZE = 100;

    private final DocumentMapper mapper;
    private final DraftRules rules;
    private final DocumentAccess access;
    private final DocumentViews views;
    private final DocumentTimeline timeline;
    private final Offices offices;
    private final DirectoryService directory;
    private final RuntimeService runtimeService;
    private final DraftEditors editors;

    public DocumentService(DocumentMapper mapper, DraftRules rules, DocumentAccess access, DocumentViews views,
                           DocumentTimeline timeline, Offices offices, DirectoryService directory,
                           RuntimeService runtimeService, DraftEditors editors) {
        this.mapper = mapper;
        this.rules = rules;
        this.access = access;
        this.views = views;
        this.timeline = timeline;
        this.offices = offices;
        this.directory = directory;
        this.runtimeService = runtimeService;
        this.editors = editors;
    }

    /** 拟稿: a new outgoing document of the drafter's department; version 1 of the text; the process starts. */
    @Transactional
    public DocumentView draft(Actor actor, DocumentForm form) {
        Department department = draftingDepartment(actor, form.draftingDepartment());
        String office = offices.of(department.agencyCode()).orElseThrow(() ->
                new InvalidInputException("本机关未设办公室（文书）岗位，无法发文"));
        String body = rules.check(form, department.agencyCode(), department.code());

        DocumentRow row = new DocumentRow();
        row.direction = Direction.OUTGOING.name();
        row.kind = form.kind().name();
        row.title = form.title().strip();
        row.classification = form.classification() == null ? null : form.classification().name();
        row.urgency = form.urgency() == null ? null : form.urgency().name();
        row.agencyCode = department.agencyCode();
        row.departmentCode = department.code();
        row.officeDepartment = office;
        row.drafter = actor.username();
        row.status = DocumentStatus.DRAFTING.name();
        row.currentVersion = 1;
        row.createdAt = timeline.now();
        row.updatedAt = row.createdAt;
        mapper.insertDocument(row);
        mapper.insertVersion(new VersionRow(row.id, 1, row.title, body, actor.username(), row.createdAt));
        saveLists(row.id, form);
        access.grant(row.id, department.code(), AccessLevel.FULL);
        access.grant(row.id, office, AccessLevel.FULL);
        timeline.event(row.id, "documentDrafted", "拟稿", actor.username(), actor.displayName(), null);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(ProcessKeys.DOCUMENT_OUTGOING,
                String.valueOf(row.id), Variables.createVariables()
                        .putValue("documentId", row.id)
                        .putValue("drafter", actor.username())
                        .putValue("draftingDepartment", department.code())
                        .putValue("officeDepartment", office));
        mapper.setProcessInstance(row.id, instance.getId());
        return views.view(mapper.findDocument(row.id), AccessLevel.FULL);
    }

    /**
     * Saves the draft as a new version. Only while the text may change (拟稿, 核稿, 办公室审核) and only by whoever
     * holds that step; {@code baseVersion} must be the current version, so a save never overwrites unseen edits.
     */
    @Transactional
    public DocumentView update(Actor actor, long id, DocumentForm form) {
        DocumentRow row = access.taking(actor, id);
        editors.requireEditor(actor, row);
        if (form.baseVersion() == null) {
            throw new InvalidInputException("请说明在哪一版上修改", Map.of("baseVersion", "必填"));
        }
        if (form.baseVersion() != row.currentVersion) {
            throw new ConflictException("公文已被他人修改（现为第 " + row.currentVersion + " 版），请刷新后再改");
        }
        String body = rules.check(form, row.agencyCode, row.departmentCode);
        row.kind = form.kind().name();
        row.title = form.title().strip();
        row.classification = form.classification() == null ? null : form.classification().name();
        row.urgency = form.urgency() == null ? null : form.urgency().name();
        row.currentVersion = form.baseVersion() + 1;
        row.updatedAt = timeline.now();
        if (mapper.updateDraft(row, form.baseVersion()) != 1) {
            throw new ConflictException("公文刚被他人修改，请刷新后再改");
        }
        mapper.insertVersion(new VersionRow(id, row.currentVersion, row.title, body, actor.username(), row.updatedAt));
        saveLists(id, form);
        return views.view(mapper.findDocument(id), AccessLevel.FULL);
    }

    /** A document the actor may see: in full when taking part, its published content when a recipient or reader. */
    @Transactional(readOnly = true)
    public DocumentView get(Actor actor, long id) {
        DocumentAccess.Visible visible = access.visible(actor, id);
        return views.view(visible.row(), visible.level());
    }

    /** The documents the actor may see, newest first. */
    @Transactional(readOnly = true)
    public DocumentPage list(Actor actor, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("分页参数无效：page 从 0 开始，size 在 1 到 " + MAX_PAGE_SIZE + " 之间");
        }
        long total = mapper.countVisible(actor.departments(), actor.username());
        List<Long> ids = mapper.findVisibleIds(actor.departments(), actor.username(), size, page * size);
        List<DocumentSummary> items = ids.isEmpty() ? List.of() : mapper.findDocuments(ids).stream()
                .sorted((a, b) -> Long.compare(b.id, a.id)).map(views::summary).toList();
        return new DocumentPage(items, total, page, size);
    }

    /** Every saved version, oldest first, without the text. For those taking part. */
    @Transactional(readOnly = true)
    public List<VersionView> versions(Actor actor, long id) {
        access.taking(actor, id);
        return mapper.findVersions(id).stream().map(v -> views.version(v, false)).toList();
    }

    /** One version with its text. */
    @Transactional(readOnly = true)
    public VersionView version(Actor actor, long id, int version) {
        access.taking(actor, id);
        return views.version(versionRow(id, version), true);
    }

    /** What changed from one version to another. */
    @Transactional(readOnly = true)
    public DocumentDiff diff(Actor actor, long id, int from, int to) {
        access.taking(actor, id);
        VersionRow before = versionRow(id, from);
        VersionRow after = versionRow(id, to);
        return TextDiff.diff(id, from, to, before.title(), after.title(), HtmlBody.lines(before.body()),
                HtmlBody.lines(after.body()));
    }

    private VersionRow versionRow(long id, int version) {
        VersionRow row = mapper.findVersion(id, version);
        if (row == null) {
            throw new NotFoundException("公文 " + id + " 没有第 " + version + " 版");
        }
        return row;
    }

    private void saveLists(long id, DocumentForm form) {
        mapper.deleteRecipients(id);
        int order = 0;
        for (String code : form.mainRecipients()) {
            mapper.insertRecipient(new RecipientRow(id, code, "MAIN", order++));
        }
        for (String code : form.copyRecipients()) {
            mapper.insertRecipient(new RecipientRow(id, code, "COPY", order++));
        }
        mapper.deleteCountersigns(id);
        order = 0;
        for (String code : form.countersignDepartments()) {
            mapper.insertCountersign(new CodeRow(id, code, order++));
        }
    }

    /** The department the actor drafts in: the one named, or their only one. */
    private Department draftingDepartment(Actor actor, String requested) {
        List<String> candidates = new ArrayList<>(actor.positions().stream()
                .filter(p -> p.role() == Role.HANDLER || p.role() == Role.REVIEWER || p.role() == Role.LEADER
                        || p.role() == Role.OFFICE)
                .map(Position::departmentCode).distinct().toList());
        if (candidates.isEmpty()) {
            throw new ForbiddenException("您没有可以拟稿的岗位");
        }
        String code = requested;
        if (code == null) {
            if (candidates.size() > 1) {
                throw new InvalidInputException("您在多个部门任职，请指明拟稿部门",
                        Map.of("draftingDepartment", "应为 " + candidates + " 之一"));
            }
            code = candidates.get(0);
        } else if (!candidates.contains(code)) {
            throw new InvalidInputException("您不在该部门任职：" + code, Map.of("draftingDepartment", "应为 " + candidates + " 之一"));
        }
        String department = code;
        return directory.department(department).orElseThrow(() ->
                new InvalidInputException("部门不存在：" + department, Map.of("draftingDepartment", "不存在")));
    }
}
