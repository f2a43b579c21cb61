package org.tongban.engine.approval;

import java.time.LocalDate;

/** A proxy (代理/委托): {@code standIn} acts for {@code principal}; {@code active} when in force today. */
public record ProxyView(long id, String principal, String principalName, String standIn, String standInName,
                        LocalDate startsOn, LocalDate endsOn, String note, boolean active) {
}
