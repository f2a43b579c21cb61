package org.tongban.engine.cases.persistence;

import java.time.Instant;

/** A {@code tb_elicense_lookup} row. */
public record LicenseLookupRow(long caseId, String matterCode, String materialCode, String licenseType, String result,
                               String licenseNumber, String issuer, String detail, String lookedUpBy,
                               Instant lookedUpAt) {
}
