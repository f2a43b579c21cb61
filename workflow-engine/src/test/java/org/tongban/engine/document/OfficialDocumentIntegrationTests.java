package org.tongban.engine.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.tongban.engine.testsupport.TestUsers.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.tongban.engine.EngineTestApplication;
import org.tongban.engine.approval.ApprovalService;
import org.tongban.engine.approval.CompletionForm;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.platform.ConflictException;
import org.tongban.engine.platform.ForbiddenException;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.NotFoundException;
import org.tongban.engine.testsupport.DocumentFixtures;

/**
 * 发文 → 公文交换 → 收文 through the services on the real engine and database (H2, then MariaDB): a notice of
 * 市场监管局 countersigned by two other agencies, signed, numbered, sealed, distributed to two agencies, received,
 * instructed, handled and archived there.
 */
@SpringBootTest(classes = EngineTestApplication.class)
@Import(OfficialDocumentIntegrationTests.Instructions.class)
class OfficialDocumentIntegrationTests {

    @Autowired
    DocumentService documents;
    @Autowired
    DocumentWorkflowService workflow;
    @Autowired
    CirculationService circulations;
    @Autowired
    ApprovalService approvals;
    @Autowired
    DirectoryService directory;
    @Autowired
    Instructions instructions;

    /** Records the instructions published for supervision. */
    @TestConfiguration
    static class Instructions {
        final List<LeaderInstructed> seen = new ArrayList<>();

        @EventListener
        void on(LeaderInstructed event) {
            seen.add(event);
        }
    }

    @Test
    void runsFromDraftToArchiveAndRegistersItInBothRecipientAgencies() {
        DocumentView draft = documents.draft(actor(FOOD_HANDLER), DocumentFixtures.aFoodSafetyNotice());
        long id = draft.id();
        assertThat(draft.status()).isEqualTo(DocumentStatus.DRAFTING);
        assertThat(draft.currentVersion()).isEqualTo(1);
        assertThat(draft.agency().code()).isEqualTo("HZ_SJ");
        assertThat(draft.openSteps()).extracting(DocumentView.OpenStep::activityId, DocumentView.OpenStep::assignee)
                .containsExactly(tuple("draft", FOOD_HANDLER));

        act(FOOD_HANDLER, id, "draft", "SUBMIT", null);
        act(FOOD_REVIEWER, id, "check", "AGREE", "同意");
        // 会签 across agencies: 消防救援支队防火监督处 and 生态环境局行政审批处
        assertThat(documents.get(actor(FIRE_REVIEWER), id).openSteps()).extracting(DocumentView.OpenStep::departmentCode)
                .containsExactlyInAnyOrder("XF_FIRE", "HJ_APPROVAL");
        act(FIRE_REVIEWER, id, "countersign", "AGREE", "无意见");
        act(ENV_REVIEWER, id, "countersign", "AGREE", null);
        act(FOOD_AGENCY_OFFICE, id, "officeReview", "AGREE", null);
        act(FOOD_LEADER, id, "signOff", "SIGN", "同意印发");

        DocumentView signed = documents.get(actor(FOOD_HANDLER), id);
        assertThat(signed.status()).isEqualTo(DocumentStatus.SIGNED);
        assertThat(signed.signer()).isEqualTo(FOOD_LEADER);
        assertThat(signed.signerName()).isEqualTo("孙伟");
        assertThat(signed.number()).matches("杭市监〔20\\d\\d〕\\d+号");
        assertThatThrownBy(() -> documents.update(actor(FOOD_HANDLER), id,
                DocumentFixtures.revised(DocumentFixtures.aFoodSafetyNotice(), "<p>改</p>", signed.currentVersion())))
                .isInstanceOf(ConflictException.class);

        act(FOOD_AGENCY_OFFICE, id, "seal", null, null);
        act(FOOD_AGENCY_OFFICE, id, "distribute", null, null);

        DocumentView distributed = documents.get(actor(FOOD_AGENCY_OFFICE), id);
        assertThat(distributed.status()).isEqualTo(DocumentStatus.DISTRIBUTED);
        assertThat(distributed.distributions()).extracting(d -> d.agency().code(), DocumentView.Distribution::recipientType)
                .containsExactlyInAnyOrder(tuple("HZ_XF", "MAIN"), tuple("HZ_STHJ", "COPY"));
        long fireCopy = incomingOf(distributed, "HZ_XF");
        long envCopy = incomingOf(distributed, "HZ_STHJ");

        // 消防救援支队: 登记 → 拟办 → 批办 (supervised) → 承办 → 办结
        DocumentView received = documents.get(actor(FIRE_AGENCY_OFFICE), fireCopy);
        assertThat(received.direction()).isEqualTo(Direction.INCOMING);
        assertThat(received.status()).isEqualTo(DocumentStatus.RECEIVED);
        assertThat(received.origin().documentId()).isEqualTo(id);
        assertThat(received.number()).isEqualTo(signed.number());
        assertThat(received.body()).isEqualTo(signed.body());
        assertThat(received.openSteps()).extracting(DocumentView.OpenStep::activityId, DocumentView.OpenStep::departmentCode)
                .containsExactly(tuple("register", "XF_OFFICE"));
        act(FIRE_AGENCY_OFFICE, fireCopy, "register", null, null);
        assertThat(documents.get(actor(FIRE_AGENCY_OFFICE), fireCopy).receiptNumber()).matches("杭消收〔20\\d\\d〕\\d+号");
        act(FIRE_AGENCY_OFFICE, fireCopy, "propose", null, "拟请唐杰同志阅示，防火监督处办理。");
        LocalDate deadline = LocalDate.now().plusDays(10);
        workflow.instruct(actor(FIRE_AGENCY_LEADER), fireCopy,
                new InstructionForm("请防火监督处抓紧落实，月底前报结果。", List.of("XF_FIRE"), true, deadline));
        assertThat(instructions.seen).filteredOn(e -> e.documentId() == fireCopy).singleElement().satisfies(e -> {
            assertThat(e.supervise()).isTrue();
            assertThat(e.supervisionDeadline()).isEqualTo(deadline);
            assertThat(e.handlingDepartments()).containsExactly("XF_FIRE");
            assertThat(e.agencyCode()).isEqualTo("HZ_XF");
            assertThat(e.leader()).isEqualTo(FIRE_AGENCY_LEADER);
        });
        act(FIRE_HANDLER, fireCopy, "handle", null, "已完成辖区餐饮单位消防检查");
        act(FIRE_AGENCY_OFFICE, fireCopy, "close", null, null);
        DocumentView closed = documents.get(actor(FIRE_AGENCY_OFFICE), fireCopy);
        assertThat(closed.status()).isEqualTo(DocumentStatus.ARCHIVED);
        assertThat(closed.handling()).extracting(h -> h.department().code(), DocumentView.Handling::status,
                DocumentView.Handling::result).containsExactly(tuple("XF_FIRE", "DONE", "已完成辖区餐饮单位消防检查"));
        assertThat(closed.timeline()).extracting(DocumentView.TimelineEntry::activityId).containsExactly(
                "documentReceived", "register", "propose", "instruct", "handle", "close", "recordArchive");

        // 生态环境局 got its own registration, waiting for its office
        assertThat(documents.get(actor(ENV_AGENCY_OFFICE), envCopy).openSteps())
                .extracting(DocumentView.OpenStep::activityId).containsExactly("register");

        act(FOOD_AGENCY_OFFICE, id, "archive", null, null);
        DocumentView archived = documents.get(actor(FOOD_HANDLER), id);
        assertThat(archived.status()).isEqualTo(DocumentStatus.ARCHIVED);
        assertThat(archived.timeline()).extracting(DocumentView.TimelineEntry::activityId).containsExactly(
                "documentDrafted", "draft", "check", "countersign", "countersign", "officeReview", "signOff",
                "numbering", "seal", "distribute", "exchange", "archive", "recordArchive");
    }

    @Test
    void aDocumentOfAnotherAgencyIsNotVisibleUntilItIsDistributedToIt() {
        long id = documents.draft(actor(FOOD_HANDLER), DocumentFixtures.aNoticeWithoutCountersign()).id();
        for (String stranger : List.of(FIRE_AGENCY_OFFICE, FIRE_HANDLER, REG_HANDLER, ENV_AGENCY_OFFICE)) {
            assertThatThrownBy(() -> documents.get(actor(stranger), id)).as(stranger)
                    .isInstanceOf(NotFoundException.class);
        }
        assertThat(documents.list(actor(FIRE_AGENCY_OFFICE), 0, 100).items()).noneMatch(d -> d.id() == id);

        signAndDistribute(id);

        DocumentView published = documents.get(actor(FIRE_AGENCY_OFFICE), id);
        assertThat(published.access()).isEqualTo(AccessLevel.PUBLISHED);
        assertThat(published.body()).contains("检查范围");
        assertThat(published.timeline()).isEmpty();
        assertThat(published.openSteps()).isEmpty();
        assertThatThrownBy(() -> documents.versions(actor(FIRE_AGENCY_OFFICE), id)).isInstanceOf(ForbiddenException.class);
        // only the recipient's office, not the rest of the brigade, and never a third agency
        assertThatThrownBy(() -> documents.get(actor(FIRE_HANDLER), id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> documents.get(actor(ENV_AGENCY_OFFICE), id)).isInstanceOf(NotFoundException.class);
        assertThat(documents.list(actor(FIRE_AGENCY_OFFICE), 0, 100).items()).anyMatch(d -> d.id() == id);
    }

    @Test
    void aCountersigningDepartmentThatDisagreesSendsTheDraftBackToTheDrafter() {
        long id = documents.draft(actor(FOOD_HANDLER), DocumentFixtures.aFoodSafetyNotice()).id();
        act(FOOD_HANDLER, id, "draft", "SUBMIT", null);
        act(FOOD_REVIEWER, id, "check", "AGREE", null);

        assertThatThrownBy(() -> act(FIRE_REVIEWER, id, "countersign", "DISAGREE", null))
                .isInstanceOf(InvalidInputException.class);
        act(FIRE_REVIEWER, id, "countersign", "DISAGREE", "请补充消防检查内容");
        act(ENV_REVIEWER, id, "countersign", "AGREE", null);

        DocumentView back = documents.get(actor(FOOD_HANDLER), id);
        assertThat(back.openSteps()).extracting(DocumentView.OpenStep::activityId).containsExactly("draft");
        assertThat(back.timeline()).extracting(DocumentView.TimelineEntry::activityId,
                DocumentView.TimelineEntry::decision).contains(tuple("countersign", "DISAGREE"));
        // the countersigning department still sees the draft it was asked about
        assertThat(documents.get(actor(FIRE_REVIEWER), id).access()).isEqualTo(AccessLevel.FULL);
    }

    @Test
    void keepsEveryVersionAndComparesTwo() {
        DocumentForm form = DocumentFixtures.aFoodSafetyNotice();
        long id = documents.draft(actor(FOOD_HANDLER), form).id();
        String revisedBody = DocumentFixtures.NOTICE_BODY.replace("12月1日", "12月15日") + "<p>联系人：李强</p>";
        DocumentView second = documents.update(actor(FOOD_HANDLER), id, DocumentFixtures.revised(form, revisedBody, 1));
        assertThat(second.currentVersion()).isEqualTo(2);

        // a save based on the old version would overwrite the newer one: refused
        assertThatThrownBy(() -> documents.update(actor(FOOD_HANDLER), id, DocumentFixtures.revised(form, "<p>x</p>", 1)))
                .isInstanceOf(ConflictException.class);
        // someone who does not hold the step may not edit
        assertThatThrownBy(() -> documents.update(actor(FOOD_REVIEWER), id, DocumentFixtures.revised(form, "<p>x</p>", 2)))
                .isInstanceOf(ForbiddenException.class);

        assertThat(documents.versions(actor(FOOD_HANDLER), id)).extracting(VersionView::version, VersionView::savedBy)
                .containsExactly(tuple(1, FOOD_HANDLER), tuple(2, FOOD_HANDLER));
        assertThat(documents.version(actor(FOOD_HANDLER), id, 1).body()).contains("12月1日");
        DocumentDiff diff = documents.diff(actor(FOOD_REVIEWER), id, 1, 2);
        assertThat(diff.changedLines()).isEqualTo(1);
        assertThat(diff.insertedLines()).isEqualTo(1);
        assertThat(diff.lines()).filteredOn(l -> l.op() == DocumentDiff.Op.CHANGE).singleElement()
                .satisfies(l -> assertThat(l.segments()).contains(new DocumentDiff.Segment(DocumentDiff.Op.DELETE, "1"),
                        new DocumentDiff.Segment(DocumentDiff.Op.INSERT, "15")));
        assertThatThrownBy(() -> documents.diff(actor(FOOD_HANDLER), id, 1, 9)).isInstanceOf(NotFoundException.class);

        // after submission the text belongs to the reviewer's step
        act(FOOD_HANDLER, id, "draft", "SUBMIT", null);
        assertThatThrownBy(() -> documents.update(actor(FOOD_HANDLER), id, DocumentFixtures.revised(form, "<p>x</p>", 2)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(documents.update(actor(FOOD_REVIEWER), id, DocumentFixtures.revised(form, revisedBody + "<p>核稿修改</p>", 2))
                .currentVersion()).isEqualTo(3);
    }

    @Test
    void refusesABadDraftAndWritesNothing() {
        long before = documents.list(actor(FOOD_HANDLER), 0, 1).total();
        DocumentForm bad = new DocumentForm(null, " ", "<script>alert(1)</script>", null, null, List.of("HZ_SJ", "NOPE"),
                List.of(), List.of("SJ_FOOD"), null, null);

        assertThatThrownBy(() -> documents.draft(actor(FOOD_HANDLER), bad))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsKeys("kind", "title", "body", "mainRecipients", "countersignDepartments"));
        assertThat(documents.list(actor(FOOD_HANDLER), 0, 1).total()).isEqualTo(before);
        assertThatThrownBy(() -> documents.draft(actor(SUPERVISOR), DocumentFixtures.aFoodSafetyNotice()))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void circulatesASignedDocumentWithReadReceipts() {
        long id = documents.draft(actor(FOOD_HANDLER), DocumentFixtures.aNoticeWithoutCountersign()).id();
        assertThatThrownBy(() -> circulations.start(actor(FOOD_HANDLER), id,
                new CirculationForm(List.of(REG_HANDLER), null))).isInstanceOf(ConflictException.class);
        signAndDistribute(id);

        CirculationView started = circulations.start(actor(FOOD_AGENCY_OFFICE), id,
                new CirculationForm(List.of(REG_HANDLER, FOOD_AGENCY_LEADER, FOOD_REVIEWER), "请传阅"));
        assertThat(started.unreadCount()).isEqualTo(3);
        // a reader of another department sees the published text while it circulates
        assertThat(documents.get(actor(REG_HANDLER), id).access()).isEqualTo(AccessLevel.PUBLISHED);
        assertThat(approvals.todo(actor(REG_HANDLER), 0, 100).items()).anyMatch(t ->
                t.activityId().equals("read") && t.subject().id() == id && t.subject().title().startsWith("传阅："));

        workflow.read(actor(REG_HANDLER), id, new ReadForm("已阅"));
        assertThatThrownBy(() -> workflow.read(actor(REG_HANDLER), id, new ReadForm(null)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> workflow.read(actor(FIRE_HANDLER), id, null)).isInstanceOf(NotFoundException.class);

        CirculationView receipts = circulations.list(actor(FOOD_AGENCY_OFFICE), id).get(0);
        assertThat(receipts.readCount()).isEqualTo(1);
        assertThat(receipts.unreadCount()).isEqualTo(2);
        assertThat(receipts.receipts()).extracting(CirculationView.Receipt::username, CirculationView.Receipt::read,
                CirculationView.Receipt::opinion).containsExactly(tuple(REG_HANDLER, true, "已阅"),
                tuple(FOOD_AGENCY_LEADER, false, null), tuple(FOOD_REVIEWER, false, null));
        assertThatThrownBy(() -> circulations.list(actor(REG_HANDLER), id)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void refusesStepsOfOtherPeopleAndStepsNotOpen() {
        long id = documents.draft(actor(FOOD_HANDLER), DocumentFixtures.aNoticeWithoutCountersign()).id();
        assertThatThrownBy(() -> act(FOOD_HANDLER_2, id, "draft", "SUBMIT", null)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> act(FOOD_HANDLER, id, "signOff", "SIGN", null)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> act(FOOD_HANDLER, id, "draft", "SIGN", null)).isInstanceOf(InvalidInputException.class);
        act(FOOD_HANDLER, id, "draft", "SUBMIT", null);
        assertThatThrownBy(() -> act(FOOD_REVIEWER, id, "check", "RETURN", " "))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> workflow.instruct(actor(FOOD_AGENCY_LEADER), id,
                new InstructionForm("阅", List.of("SJ_FOOD"), false, null))).isInstanceOf(ConflictException.class);
    }

    // --- helpers

    private void signAndDistribute(long id) {
        act(FOOD_HANDLER, id, "draft", "SUBMIT", null);
        act(FOOD_REVIEWER, id, "check", "AGREE", null);
        act(FOOD_AGENCY_OFFICE, id, "officeReview", "AGREE", null);
        act(FOOD_LEADER, id, "signOff", "SIGN", null);
        act(FOOD_AGENCY_OFFICE, id, "seal", null, null);
        act(FOOD_AGENCY_OFFICE, id, "distribute", null, null);
    }

    private void act(String user, long id, String step, String decision, String opinion) {
        workflow.act(actor(user), id, step, CompletionForm.of(decision, opinion));
    }

    private static long incomingOf(DocumentView document, String agency) {
        return document.distributions().stream().filter(d -> d.agency().code().equals(agency)).findFirst()
                .orElseThrow().incomingDocumentId();
    }

    private Actor actor(String username) {
        return directory.findActor(username).orElseThrow();
    }
}
