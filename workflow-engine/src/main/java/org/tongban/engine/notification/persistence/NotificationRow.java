package org.tongban.engine.notification.persistence;

import java.time.Instant;

/** A {@code tb_notification} row; {@code id} is filled in by the insert. */
public class NotificationRow {
    public Long id;
    public String recipientUser;
    public String recipientGroup;
    public String kind;
    public String title;
    public String body;
    public String subjectType;
    public Long subjectId;
    public Instant createdAt;
}
