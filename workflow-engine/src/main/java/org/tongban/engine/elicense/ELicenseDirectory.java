package org.tongban.engine.elicense;

import java.util.Optional;

/** The electronic-licence service (port; an adapter in integration/ implements it). */
public interface ELicenseDirectory {

    /**
     * The holder's certificate of that type, or empty when the service says there is none.
     *
     * @throws ELicenseUnavailableException when the service cannot answer (down, slow, 5xx): intake then goes on
     *                                      with the paper material
     */
    Optional<ELicense> find(ELicenseType type, String holderIdNumber);
}
