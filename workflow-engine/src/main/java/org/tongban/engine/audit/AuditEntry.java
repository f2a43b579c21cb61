package org.tongban.engine.audit;

/**
 * What a feature reports to the audit trail; the trail adds id, time and hashes.
 *
 * @param actor         username of who acted, or {@link #SYSTEM} for the platform itself
 * @param onBehalfOf    username the actor acted for (a delegate, a 代办 clerk), or null
 * @param action        dotted verb, e.g. {@code case.create}, {@code task.complete}, {@code auth.login.failed}
 * @param objectType    what was acted on, e.g. {@code case}, {@code task}, {@code user}
 * @param objectId      which one, or null when the action is not about a single object
 * @param result        how it ended
 * @param clientAddress the client's IP address when the action came over the network, or null
 * @param detail        compact JSON text, typically {@code {"before":…,"after":…}}, or null
 */
public record AuditEntry(String actor, String onBehalfOf, String action, String objectType, String objectId,
                         AuditResult result, String clientAddress, String detail) {

    /** The actor of actions the platform takes by itself (retention, timers). */
    public static final String SYSTEM = "system";
    /** Longest accepted {@link #detail}, in characters (the column is VARCHAR(4000)). */
    public static final int MAX_DETAIL_LENGTH = 4000;

    public AuditEntry {
        actor = required("actor", actor, 64);
        onBehalfOf = optional("onBehalfOf", onBehalfOf, 64);
        action = required("action", action, 64);
        objectType = required("objectType", objectType, 64);
        objectId = optional("objectId", objectId, 128);
        if (result == null) {
            throw new IllegalArgumentException("audit entry without result");
        }
        clientAddress = optional("clientAddress", clientAddress, 64);
        detail = optional("detail", detail, MAX_DETAIL_LENGTH);
    }

    /** A successful action on one object, without client address or detail. */
    public static AuditEntry success(String actor, String action, String objectType, String objectId) {
        return new AuditEntry(actor, null, action, objectType, objectId, AuditResult.SUCCESS, null, null);
    }

    /** The same entry with another result. */
    public AuditEntry withResult(AuditResult newResult) {
        return new AuditEntry(actor, onBehalfOf, action, objectType, objectId, newResult, clientAddress, detail);
    }

    /** The same entry, acted on behalf of {@code username}. */
    public AuditEntry onBehalfOf(String username) {
        return new AuditEntry(actor, username, action, objectType, objectId, result, clientAddress, detail);
    }

    /** The same entry, coming from {@code address}. */
    public AuditEntry fromAddress(String address) {
        return new AuditEntry(actor, onBehalfOf, action, objectType, objectId, result, address, detail);
    }

    /** The same entry with {@code json} (compact JSON text) as detail. */
    public AuditEntry withDetail(String json) {
        return new AuditEntry(actor, onBehalfOf, action, objectType, objectId, result, clientAddress, json);
    }

    private static String required(String field, String value, int maxLength) {
        String checked = optional(field, value, maxLength);
        if (checked == null) {
            throw new IllegalArgumentException("audit entry without " + field);
        }
        return checked;
    }

    /** Blank becomes null, so that "absent" has one form in the database and in the hash. */
    private static String optional(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException("audit " + field + " longer than " + maxLength + " characters");
        }
        return value;
    }
}
