package org.tongban.engine.messaging.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.engine.approval.Subject;
import org.tongban.engine.approval.TaskHandler;
import org.tongban.engine.directory.AddressBook;
import org.tongban.engine.messaging.ConversationService;
import org.tongban.engine.notification.NotificationService;
import org.tongban.engine.notification.NotificationType;
import org.tongban.engine.notification.Recipients;
import org.tongban.engine.taskevents.TaskCreated;

/**
 * Reacts to a new task once it is committed: the people it is assigned or offered to join the case group of its
 * case (created on the first task), and get a notice — 待办 assigned to them, or offered to their department and
 * role. Runs in a transaction of its own after the task's commit, so a failure here never undoes the task nor
 * reaches whoever caused it; it is logged.
 */
@Component
class TaskArrivalListener {

    private static final Logger log = LoggerFactory.getLogger(TaskArrivalListener.class);

    private final ConversationService conversations;
    private final NotificationService notifications;
    private final AddressBook addressBook;
    private final Map<String, TaskHandler> handlers;
    private final TransactionTemplate newTransaction;

    TaskArrivalListener(ConversationService conversations, NotificationService notifications, AddressBook addressBook,
                        List<TaskHandler> handlers, PlatformTransactionManager transactions) {
        this.conversations = conversations;
        this.notifications = notifications;
        this.addressBook = addressBook;
        this.handlers = handlers.stream().collect(Collectors.toMap(TaskHandler::processKey, Function.identity()));
        // after a commit, the finished transaction is still bound to the thread: work there needs a new one
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    void taskCreated(TaskCreated task) {
        try {
            newTransaction.executeWithoutResult(status -> {
                Subject subject = subject(task);
                joinCaseGroup(task, subject);
                notifyPeople(task, subject);
            });
        } catch (RuntimeException e) {
            // the task stands; its announcement is lost and logged (the task is still in everyone's todo list)
            log.error("Could not announce task {} ({}) of {}", task.taskId(), task.name(), task.processKey(), e);
        }
    }

    private void joinCaseGroup(TaskCreated task, Subject subject) {
        if (subject == null) {
            return; // a process without a business subject has no case group
        }
        Set<String> people = new LinkedHashSet<>();
        if (task.assignee() != null) {
            people.add(task.assignee());
        }
        people.addAll(task.candidateUsers());
        task.candidateGroups().forEach(g -> people.addAll(addressBook.members(g)));
        // people no longer in the directory are left out rather than failing the whole group
        people.retainAll(addressBook.enabled(people));
        conversations.joinCaseConversation(task.processKey(), task.businessKey(),
                subject.number() + " " + subject.title(), people);
    }

    private void notifyPeople(TaskCreated task, Subject subject) {
        String about = subject == null ? task.name() : "「" + subject.title() + "」" + task.name();
        String link = "/tasks/" + task.taskId();
        if (task.assignee() != null) {
            notifications.notify(Recipients.users(task.assignee()), NotificationType.TASK_ASSIGNED,
                    "新待办：" + about, link);
            return;
        }
        Recipients offered = Recipients.groups(task.candidateGroups()).and(Recipients.users(task.candidateUsers()));
        if (!offered.isEmpty()) {
            notifications.notify(offered, NotificationType.TASK_OFFERED, "新待办（待签收）：" + about, link);
        }
    }

    private Subject subject(TaskCreated task) {
        TaskHandler handler = handlers.get(task.processKey());
        if (handler == null || task.businessKey() == null) {
            return null;
        }
        return handler.subjects(List.of(task.businessKey())).get(task.businessKey());
    }
}
