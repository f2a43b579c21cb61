package org.tongban.engine.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tongban.engine.platform.InvalidInputException;

/**
 * Which audit records to list, newest first. Null filters match everything; start with {@link #newest} and
 * narrow with the {@code by…}/{@code on…}/{@code between} methods.
 *
 * @param actor      only records of this username
 * @param objectType only records about this type of object (required when {@code objectId} is given)
 * @param objectId   only records about this object
 * @param from       only records at or after this instant
 * @param to         only records before this instant
 * @param page       zero-based page number
 * @param size       records per page, 1 to {@value #MAX_SIZE}
 */
public record AuditQuery(String actor, String objectType, String objectId, Instant from, Instant to, int page,
                         int size) {

    public static final int MAX_SIZE = 200;

    public AuditQuery {
        Map<String, String> errors = new LinkedHashMap<>();
        if (page < 0) {
            errors.put("page", "页码不能为负数");
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.put("size", "每页条数应在 1 到 " + MAX_SIZE + " 之间");
        }
        if (objectId != null && objectType == null) {
            errors.put("objectType", "按对象查询时须指明对象类型");
        }
        if (from != null && to != null && from.isAfter(to)) {
            errors.put("to", "结束时间早于开始时间");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("审计查询条件不正确", errors);
        }
    }

    /** All records, newest first, page {@code page} of {@code size}. */
    public static AuditQuery newest(int page, int size) {
        return new AuditQuery(null, null, null, null, null, page, size);
    }

    /** Narrowed to the records of {@code username}. */
    public AuditQuery byActor(String username) {
        return new AuditQuery(username, objectType, objectId, from, to, page, size);
    }

    /** Narrowed to the records about one object. */
    public AuditQuery on(String type, String id) {
        return new AuditQuery(actor, type, id, from, to, page, size);
    }

    /** Narrowed to records in {@code [start, end)}; either bound may be null. */
    public AuditQuery between(Instant start, Instant end) {
        return new AuditQuery(actor, objectType, objectId, start, end, page, size);
    }

    /** The number of records to skip. */
    public long offset() {
        return (long) page * size;
    }
}
