package org.tongban.engine.approval.persistence;

import java.time.Instant;
import java.time.LocalDate;

/** A {@code tb_proxy} row: {@code standIn} acts for {@code principal} from {@code startsOn} to {@code endsOn}. */
public class ProxyRow {
    public Long id;
    public String principal;
    public String standIn;
    public LocalDate startsOn;
    public LocalDate endsOn;
    public String note;
    public Instant createdAt;
    public Instant cancelledAt;
}
