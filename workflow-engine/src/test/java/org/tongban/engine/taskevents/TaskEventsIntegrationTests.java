package org.tongban.engine.taskevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.engine.testsupport.TestUsers.*;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.engine.EngineTestApplication;
import org.tongban.engine.approval.ApprovalService;
import org.tongban.engine.cases.CaseService;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.messaging.ConversationKind;
import org.tongban.engine.messaging.ConversationService;
import org.tongban.engine.messaging.Member;
import org.tongban.engine.testsupport.CaseDriver;
import org.tongban.engine.testsupport.Fixtures;

/**
 * The global task listener: every new user task is announced after its commit with what it is offered to; a
 * rolled-back task is not announced; and a listener that fails neither undoes the task nor fails whoever created it.
 */
@SpringBootTest(classes = EngineTestApplication.class)
@Import(TaskEventsIntegrationTests.Listeners.class)
class TaskEventsIntegrationTests {

    @Autowired
    Listeners listeners;
    @Autowired
    CaseService cases;
    @Autowired
    ApprovalService approvals;
    @Autowired
    DirectoryService directory;
    @Autowired
    ConversationService conversations;
    @Autowired
    TransactionTemplate tx;

    CaseDriver driver;

    @BeforeEach
    void setUp() {
        driver = new CaseDriver(approvals, directory);
        listeners.seen.clear();
    }

    @Test
    void eachNewTaskIsAnnouncedWithItsCaseAndWhoItIsFor() {
        long caseId = cases.create(driver.actor(WINDOW_CLERK), Fixtures.aFoodLicenceCase()).id();
        assertThat(listeners.seen).singleElement().satisfies(t -> {
            assertThat(t.processKey()).isEqualTo("one-window-approval");
            assertThat(t.activityId()).isEqualTo("intake");
            assertThat(t.businessKey()).isEqualTo(String.valueOf(caseId));
            assertThat(t.assignee()).isEqualTo(WINDOW_CLERK);
            assertThat(t.candidateGroups()).isEmpty();
        });
        driver.complete(WINDOW_CLERK, caseId, "intake", "ACCEPT", null);
        assertThat(listeners.seen).hasSize(2);
        TaskCreated handle = listeners.seen.get(1);
        assertThat(handle.activityId()).isEqualTo("handle");
        assertThat(handle.candidateGroups()).containsExactly("SJ_FOOD:handler");
        assertThat(handle.assignee()).isNull();
        assertThat(handle.taskId()).isEqualTo(driver.task(FOOD_HANDLER, caseId, "handle").id());
    }

    @Test
    void theCaseGroupGrowsByThePeopleEachNewTaskIsOfferedToOnce() {
        long caseId = cases.create(driver.actor(WINDOW_CLERK), Fixtures.aFoodLicenceCase()).id();
        assertThat(caseGroupMembers(caseId)).containsExactly(WINDOW_CLERK);
        driver.complete(WINDOW_CLERK, caseId, "intake", "ACCEPT", null);
        List<String> handlers = directory.members(List.of("SJ_FOOD:handler"));
        assertThat(handlers).isNotEmpty();
        List<String> expected = new java.util.ArrayList<>(handlers);
        expected.add(WINDOW_CLERK);
        assertThat(caseGroupMembers(caseId)).containsExactlyInAnyOrderElementsOf(expected);
    }

    private List<String> caseGroupMembers(long caseId) {
        return conversations.mine(driver.actor(WINDOW_CLERK)).stream()
                .filter(c -> c.kind() == ConversationKind.CASE && c.subjectKey().equals(String.valueOf(caseId)))
                .findFirst().orElseThrow().members().stream().map(Member::username).toList();
    }

    @Test
    void aTaskWhoseTransactionRollsBackIsNotAnnounced() {
        tx.executeWithoutResult(status -> {
            cases.create(driver.actor(WINDOW_CLERK), Fixtures.aFoodLicenceCase());
            status.setRollbackOnly();
        });
        assertThat(listeners.seen).isEmpty();
    }

    @Test
    void aFailingListenerNeitherUndoesTheTaskNorFailsItsCreator() {
        listeners.fail = true;
        try {
            long caseId = cases.create(driver.actor(WINDOW_CLERK_2), Fixtures.aFoodLicenceCase()).id();
            assertThat(driver.task(WINDOW_CLERK_2, caseId, "intake")).isNotNull();
            // the other listeners still ran: the case group exists
            assertThat(conversations.mine(driver.actor(WINDOW_CLERK_2)))
                    .anyMatch(c -> c.kind() == ConversationKind.CASE && c.subjectKey().equals(String.valueOf(caseId)));
        } finally {
            listeners.fail = false;
        }
    }

    /** Records what is announced; throws on demand. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Listeners {
        final List<TaskCreated> seen = new CopyOnWriteArrayList<>();
        volatile boolean fail;

        @EventListener
        void taskCreated(TaskCreated task) {
            seen.add(task);
            if (fail) {
                throw new IllegalStateException("a listener that fails");
            }
        }
    }
}
