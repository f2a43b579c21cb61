package org.tongban.engine.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.tongban.engine.testsupport.TestUsers.*;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.tongban.engine.EngineTestApplication;
import org.tongban.engine.approval.persistence.ActionMapper;
import org.tongban.engine.approval.persistence.ActionRow;
import org.tongban.engine.cases.CaseService;
import org.tongban.engine.cases.CaseView;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.platform.ConflictException;
import org.tongban.engine.platform.InvalidInputException;
import org.tongban.engine.platform.NotFoundException;
import org.tongban.engine.platform.PlatformException;
import org.tongban.engine.platform.TooManyRequestsException;
import org.tongban.engine.testsupport.CaseDriver;
import org.tongban.engine.testsupport.Fixtures;
import org.tongban.engine.testsupport.MutableClock;

/** 转办, 委派, 抄送, 催办, 常用语, 代理, 批量审批 and racing operations, through the services on the real engine. */
@SpringBootTest(classes = EngineTestApplication.class)
@Import(MutableClock.Config.class)
class ApprovalOperationsIntegrationTests {

    @Autowired
    CaseService cases;
    @Autowired
    ApprovalService approvals;
    @Autowired
    CopyService copies;
    @Autowired
    UrgeService urges;
    @Autowired
    PhraseBookService phraseBook;
    @Autowired
    ProxyService proxies;
    @Autowired
    BatchApprovalService batch;
    @Autowired
    WorkbenchService workbench;
    @Autowired
    DirectoryService directory;
    @Autowired
    ActionMapper actions;
    @Autowired
    MutableClock clock;

    CaseDriver driver;

    @BeforeEach
    void setUp() {
        driver = new CaseDriver(approvals, directory);
    }

    @Test
    void transferHandsTheTaskToAnotherPersonForGood() {
        long id = acceptedFoodCase();
        String handle = driver.task(FOOD_HANDLER, id, "handle").id();

        TaskView transferred = approvals.transfer(actor(FOOD_HANDLER), handle, new HandoverForm(FOOD_HANDLER_2, "我出差，请王芳办理"));

        assertThat(transferred.assignee()).isEqualTo(FOOD_HANDLER_2);
        assertThat(todoIds(FOOD_HANDLER)).doesNotContain(handle);
        assertThat(todoIds(FOOD_HANDLER_2)).contains(handle);
        assertThatThrownBy(() -> approvals.complete(actor(FOOD_HANDLER), handle, CompletionForm.of("GRANT", null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("王芳");
        assertThat(workbench.done(actor(FOOD_HANDLER), WorkbenchQuery.defaults()).items())
                .anyMatch(d -> handle.equals(d.taskId()) && d.operation() == Operation.TRANSFER);
        approvals.complete(actor(FOOD_HANDLER_2), handle, CompletionForm.of("GRANT", "符合条件"));
        assertThat(cases.get(actor(WINDOW_CLERK), id).timeline()).extracting(CaseView.TimelineEntry::decision,
                CaseView.TimelineEntry::actor, CaseView.TimelineEntry::opinion)
                .contains(tuple("TRANSFER", FOOD_HANDLER, "→ 王芳：我出差，请王芳办理"), tuple("GRANT", FOOD_HANDLER_2, "符合条件"));
    }

    @Test
    void transferIsRefusedToStrangersOfTheTaskAndForUnknownPeople() {
        long id = acceptedFoodCase();
        String handle = driver.task(FOOD_HANDLER, id, "handle").id();

        assertThatThrownBy(() -> approvals.transfer(actor(FIRE_HANDLER), handle, new HandoverForm(FIRE_HANDLER, null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> approvals.transfer(actor(FOOD_HANDLER), handle, new HandoverForm("nobody", null)))
                .isInstanceOf(InvalidInputException.class);
        approvals.claim(actor(FOOD_HANDLER_2), handle);
        assertThatThrownBy(() -> approvals.transfer(actor(FOOD_HANDLER_2), handle, new HandoverForm(FOOD_HANDLER_2, null)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> approvals.transfer(actor(FOOD_HANDLER_RARE_NAME), handle, new HandoverForm(FOOD_HANDLER, null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("签收");
        assertThat(approvals.task(actor(FOOD_HANDLER_2), handle).assignee()).isEqualTo(FOOD_HANDLER_2);
    }

    @Test
    void aDelegatedTaskComesBackToItsOwnerWhoSeesItMeanwhile() {
        long id = acceptedFoodCase();
        String handle = driver.task(FOOD_HANDLER, id, "handle").id();
        approvals.claim(actor(FOOD_HANDLER), handle);

        approvals.delegate(actor(FOOD_HANDLER), handle, new HandoverForm(FOOD_HANDLER_RARE_NAME, "请核实现场照片"));

        TaskView ownersView = todo(FOOD_HANDLER).stream().filter(t -> t.id().equals(handle)).findFirst().orElseThrow();
        assertThat(ownersView.delegated()).isTrue();
        assertThat(ownersView.owner()).isEqualTo(FOOD_HANDLER);
        assertThat(ownersView.assignee()).isEqualTo(FOOD_HANDLER_RARE_NAME);
        assertThat(ownersView.assigneeName()).isEqualTo("𠮷哲");
        assertThat(todoIds(FOOD_HANDLER_RARE_NAME)).contains(handle);
        assertThatThrownBy(() -> approvals.complete(actor(FOOD_HANDLER), handle, CompletionForm.of("GRANT", null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("委派");
        assertThatThrownBy(() -> approvals.complete(actor(FOOD_HANDLER_RARE_NAME), handle, CompletionForm.of("GRANT", null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("办毕返回");
        assertThatThrownBy(() -> approvals.resolve(actor(FOOD_HANDLER_RARE_NAME), handle, new OpinionForm(" ")))
                .isInstanceOf(InvalidInputException.class);

        TaskView back = approvals.resolve(actor(FOOD_HANDLER_RARE_NAME), handle, new OpinionForm("照片已核实，与实际一致"));

        assertThat(back.assignee()).isEqualTo(FOOD_HANDLER);
        assertThat(back.delegated()).isFalse();
        assertThat(todoIds(FOOD_HANDLER_RARE_NAME)).doesNotContain(handle);
        approvals.complete(actor(FOOD_HANDLER), handle, CompletionForm.of("GRANT", "同意"));
        assertThat(cases.get(actor(WINDOW_CLERK), id).timeline()).extracting(CaseView.TimelineEntry::decision,
                CaseView.TimelineEntry::actor).containsSubsequence(tuple("DELEGATE", FOOD_HANDLER),
                tuple("RESOLVE", FOOD_HANDLER_RARE_NAME), tuple("GRANT", FOOD_HANDLER));
    }

    @Test
    void aCopyReachesPeopleAndDepartmentsOnceWithReadState() {
        long id = acceptedFoodCase();
        String handle = driver.task(FOOD_HANDLER, id, "handle").id();

        CopyResult first = copies.copy(actor(FOOD_HANDLER), handle, new CopyForm(List.of(CITY_HANDLER),
                List.of("XF_FIRE"), "请知悉"));
        CopyResult second = copies.copy(actor(FOOD_HANDLER), handle, new CopyForm(List.of(CITY_HANDLER), List.of(), null));

        assertThat(first.added()).containsExactlyInAnyOrder(CITY_HANDLER, FIRE_HANDLER, FIRE_REVIEWER, FIRE_LEADER);
        assertThat(second.added()).isEmpty();
        assertThat(second.alreadyCopied()).containsExactly(CITY_HANDLER);
        CopyView copy = workbench.copied(actor(CITY_HANDLER), new WorkbenchQuery(null, null, null, true, null, null, 0, 100))
                .items().stream().filter(c -> c.subject().id() == id).findFirst().orElseThrow();
        assertThat(copy.read()).isFalse();
        assertThat(copy.sentByName()).isEqualTo("李强");
        assertThat(copy.note()).isEqualTo("请知悉");
        assertThat(cases.get(actor(CITY_HANDLER), id).id()).isEqualTo(id);
        assertThatThrownBy(() -> copies.markRead(actor(FIRE_HANDLER), copy.id())).isInstanceOf(NotFoundException.class);

        assertThat(copies.markRead(actor(CITY_HANDLER), copy.id()).read()).isTrue();
        assertThat(workbench.copied(actor(CITY_HANDLER), new WorkbenchQuery(null, null, null, true, null, null, 0, 100))
                .items()).noneMatch(c -> c.id() == copy.id());
        assertThatThrownBy(() -> copies.copy(actor(FOOD_HANDLER), handle, new CopyForm(List.of(), List.of("NO_SUCH"), null)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> copies.copy(actor(CITY_REVIEWER), handle, new CopyForm(List.of(ADMIN), List.of(), null)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void urgingRemindsTheCandidatesAtMostOncePerHour() {
        long id = acceptedFoodCase();
        String handle = driver.task(FOOD_HANDLER, id, "handle").id();

        UrgeResult urged = urges.urge(actor(WINDOW_CLERK), handle, new OpinionForm("申请人来电催问"));

        assertThat(urged.recipients()).containsExactly(FOOD_HANDLER_RARE_NAME, FOOD_HANDLER, FOOD_HANDLER_2);
        assertThatThrownBy(() -> urges.urge(actor(WINDOW_CLERK), handle, new OpinionForm(null)))
                .isInstanceOf(TooManyRequestsException.class).hasMessageContaining("每小时");
        assertThat(urges.urge(actor(SUPERVISOR), handle, new OpinionForm(null)).recipients()).hasSize(3);
        assertThatThrownBy(() -> urges.urge(actor(FIRE_HANDLER), handle, new OpinionForm(null)))
                .isInstanceOf(NotFoundException.class);
        clock.advance(Duration.ofMinutes(61));
        approvals.claim(actor(FOOD_HANDLER), handle);
        assertThat(urges.urge(actor(WINDOW_CLERK), handle, new OpinionForm(null)).recipients()).containsExactly(FOOD_HANDLER);
        assertThat(cases.get(actor(WINDOW_CLERK), id).timeline()).filteredOn(e -> "URGE".equals(e.decision())).hasSize(3);
    }

    @Test
    void eachPersonHasAPhraseBookBesideTheDefaults() {
        assertThat(phraseBook.phrases(actor(ENV_REVIEWER))).extracting(Phrase::content).contains("同意。", "已阅。");
        Phrase own = phraseBook.add(actor(ENV_REVIEWER), new PhraseForm("环评结论明确，同意。"));

        assertThat(phraseBook.phrases(actor(ENV_REVIEWER)).get(0)).isEqualTo(own);
        assertThat(phraseBook.phrases(actor(ENV_HANDLER))).extracting(Phrase::content).doesNotContain("环评结论明确，同意。");
        assertThatThrownBy(() -> phraseBook.add(actor(ENV_REVIEWER), new PhraseForm("环评结论明确，同意。")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> phraseBook.add(actor(ENV_REVIEWER), new PhraseForm("")))
                .isInstanceOf(InvalidInputException.class);
        long defaultId = phraseBook.phrases(actor(ENV_REVIEWER)).stream().filter(p -> !p.own()).findFirst().orElseThrow().id();
        assertThatThrownBy(() -> phraseBook.delete(actor(ENV_REVIEWER), defaultId)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> phraseBook.delete(actor(ENV_HANDLER), own.id())).isInstanceOf(NotFoundException.class);
        phraseBook.delete(actor(ENV_REVIEWER), own.id());
        assertThat(phraseBook.phrases(actor(ENV_REVIEWER))).noneMatch(Phrase::own);
    }

    @Test
    void aStandInSeesNewTasksOfTheAbsentPersonAndActsOnTheirBehalf() {
        long before = acceptedFoodCase();
        driver.complete(FOOD_HANDLER, before, "handle", "GRANT", null);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        ProxyView proxy = proxies.create(actor(FOOD_REVIEWER), new ProxyForm(ENV_REVIEWER, today, today.plusDays(3), "出差"));
        assertThat(proxy.active()).isTrue();
        assertThat(proxies.proxies(actor(ENV_REVIEWER))).extracting(ProxyView::id).contains(proxy.id());
        assertThatThrownBy(() -> proxies.create(actor(FOOD_REVIEWER), new ProxyForm(CITY_REVIEWER, today.plusDays(2), today.plusDays(5), null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("重叠");
        assertThatThrownBy(() -> proxies.create(actor(FOOD_REVIEWER), new ProxyForm(FOOD_REVIEWER, today, today, null)))
                .isInstanceOf(InvalidInputException.class);

        long during = acceptedFoodCase();
        driver.complete(FOOD_HANDLER, during, "handle", "GRANT", null);
        String review = driver.task(FOOD_REVIEWER, during, "review").id();

        TaskView standIns = todo(ENV_REVIEWER).stream().filter(t -> t.id().equals(review)).findFirst().orElseThrow();
        assertThat(standIns.onBehalfOf()).isEqualTo(FOOD_REVIEWER);
        assertThat(standIns.onBehalfOfName()).isEqualTo("赵敏");
        assertThat(todo(ENV_REVIEWER)).noneMatch(t -> t.subject().id() == before && t.activityId().equals("review"));
        assertThat(todoIds(FOOD_REVIEWER)).contains(review);

        approvals.complete(actor(ENV_REVIEWER), review, CompletionForm.of("GRANT", "代为审核，同意"));

        assertThat(cases.get(actor(WINDOW_CLERK), during).timeline()).extracting(CaseView.TimelineEntry::activityId,
                CaseView.TimelineEntry::actor, CaseView.TimelineEntry::actorName)
                .contains(tuple("review", ENV_REVIEWER, "陈磊（代赵敏）"));
        assertThat(actions.findActions(processOf(during))).extracting(ActionRow::action, ActionRow::actor, ActionRow::onBehalfOf)
                .contains(tuple("COMPLETE", ENV_REVIEWER, FOOD_REVIEWER));

        long later = acceptedFoodCase();
        driver.complete(FOOD_HANDLER, later, "handle", "GRANT", null);
        String laterReview = driver.task(FOOD_REVIEWER, later, "review").id();
        assertThat(todoIds(ENV_REVIEWER)).contains(laterReview);
        proxies.cancel(actor(FOOD_REVIEWER), proxy.id());
        assertThat(todoIds(ENV_REVIEWER)).doesNotContain(laterReview);
        assertThatThrownBy(() -> approvals.complete(actor(ENV_REVIEWER), laterReview, CompletionForm.of("GRANT", null)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void batchApprovalKeepsTheSuccessesAndReportsEachFailure() {
        List<String> reviews = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long id = acceptedFoodCase();
            driver.complete(FOOD_HANDLER, id, "handle", "GRANT", null);
            reviews.add(driver.task(FOOD_REVIEWER, id, "review").id());
        }
        long other = acceptedFoodCase();
        String notMine = driver.task(FOOD_HANDLER, other, "handle").id();
        List<String> ids = new ArrayList<>(reviews);
        ids.add(1, "no-such-task");
        ids.add(notMine);

        BatchResult result = batch.complete(actor(FOOD_REVIEWER), new BatchForm(ids, "GRANT", "经审核，同意"));

        assertThat(result.succeeded()).isEqualTo(3);
        assertThat(result.failed()).isEqualTo(2);
        assertThat(result.items()).extracting(BatchResult.Item::taskId, BatchResult.Item::status).containsExactly(
                tuple(reviews.get(0), 204), tuple("no-such-task", 404), tuple(reviews.get(1), 204),
                tuple(reviews.get(2), 204), tuple(notMine, 404));
        assertThat(todoIds(FOOD_REVIEWER)).doesNotContainAnyElementsOf(reviews);
        BatchResult bad = batch.complete(actor(FOOD_LEADER), new BatchForm(List.of(reviews.get(0)), "GRANT", null));
        assertThat(bad.items().get(0).status()).isEqualTo(404);
        assertThatThrownBy(() -> batch.complete(actor(FOOD_REVIEWER), new BatchForm(List.of(), "GRANT", null)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void ofATransferAndACompletionAtTheSameMomentExactlyOneWins() throws Exception {
        // a few rounds: which one wins depends on timing, that only one does must not
        for (int round = 0; round < 4; round++) {
            long id = acceptedFoodCase();
            String handle = driver.task(FOOD_HANDLER, id, "handle").id();
            approvals.claim(actor(FOOD_HANDLER), handle);
            CyclicBarrier start = new CyclicBarrier(2);
            List<Callable<Object>> racers = List.of(
                    () -> { start.await(); return approvals.transfer(actor(FOOD_HANDLER), handle, new HandoverForm(FOOD_HANDLER_2, null)); },
                    () -> { start.await(); approvals.complete(actor(FOOD_HANDLER), handle, CompletionForm.of("GRANT", null)); return "done"; });
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Object> outcomes = new ArrayList<>();
            try {
                for (Future<Object> f : pool.invokeAll(racers)) {
                    try {
                        outcomes.add(f.get());
                    } catch (java.util.concurrent.ExecutionException e) {
                        outcomes.add(e.getCause());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(outcomes).as("round %d: %s", round, outcomes).filteredOn(o -> o instanceof Throwable).hasSize(1)
                    .allSatisfy(o -> assertThat(o).isInstanceOf(ConflictException.class));
            assertThat(outcomes).filteredOn(o -> !(o instanceof PlatformException)).hasSize(1);
            boolean transferred = outcomes.get(0) instanceof TaskView;
            // the loser changed nothing: a transferred task is still open with 王芳, a completed one is under review
            assertThat(todoIds(FOOD_HANDLER_2).contains(handle)).isEqualTo(transferred);
        }
    }

    private long acceptedFoodCase() {
        long id = cases.create(actor(WINDOW_CLERK), Fixtures.aFoodLicenceCase()).id();
        driver.complete(WINDOW_CLERK, id, "intake", "ACCEPT", null);
        return id;
    }

    private String processOf(long caseId) {
        return todo(FOOD_LEADER).stream().filter(t -> t.subject().id() == caseId).map(TaskView::processInstanceId)
                .findFirst().orElseGet(() -> workbench.started(actor(WINDOW_CLERK), new WorkbenchQuery(null, null, null,
                        null, null, null, 0, 100)).items().stream().filter(s -> s.subject().id() == caseId)
                        .findFirst().orElseThrow().processInstanceId());
    }

    private List<TaskView> todo(String username) {
        return approvals.todo(actor(username), 0, 100).items();
    }

    private List<String> todoIds(String username) {
        return todo(username).stream().map(TaskView::id).toList();
    }

    private Actor actor(String username) {
        return directory.findActor(username).orElseThrow();
    }
}
