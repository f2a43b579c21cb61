/**
 * Domain events about user tasks of any process, for features that react to work arriving (live notifications,
 * case conversations) without the approval package or the models knowing them. A global Camunda task listener,
 * registered for every user task by a process-engine plugin, publishes {@link org.tongban.engine.taskevents.TaskCreated}
 * after the transaction that created the task commits.
 */
package org.tongban.engine.taskevents;
