package org.tongban.engine.elicense;

import java.time.LocalDate;

/** An electronic certificate as the licence service returned it. */
public record ELicense(ELicenseType type, String licenseNumber, String holderName, String holderIdNumber,
                       String issuer, LocalDate validUntil) {
}
