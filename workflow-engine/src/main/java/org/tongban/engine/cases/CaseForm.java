package org.tongban.engine.cases;

import java.util.List;

/**
 * A new application at the window: a bundle (一件事) or a list of matters, and the applicant. When both are
 * given, the matters must be those of the bundle.
 */
public record CaseForm(String bundleCode, List<String> matterCodes, ApplicantType applicantType, String applicantName,
                       String applicantIdNumber, String applicantPhone) {

    public CaseForm {
        matterCodes = matterCodes == null ? List.of() : List.copyOf(matterCodes);
    }
}
