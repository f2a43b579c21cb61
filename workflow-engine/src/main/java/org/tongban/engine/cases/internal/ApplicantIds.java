package org.tongban.engine.cases.internal;

import java.util.regex.Pattern;
import org.tongban.engine.cases.ApplicantType;

/**
 * Checks applicant identifiers with their check characters: the 18-digit citizen identity number (GB 11643)
 * and the 统一社会信用代码 (GB 32100).
 */
public final class ApplicantIds {

    private static final Pattern CITIZEN = Pattern.compile("\\d{17}[\\dX]");
    private static final int[] CITIZEN_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CITIZEN_CHECKS = "10X98765432";

    private static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final Pattern CREDIT = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private ApplicantIds() {
    }

    public static boolean isValid(ApplicantType type, String id) {
        if (id == null) {
            return false;
        }
        return type == ApplicantType.PERSON ? isCitizenId(id) : isCreditCode(id);
    }

    static boolean isCitizenId(String id) {
        if (!CITIZEN.matcher(id).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * CITIZEN_WEIGHTS[i];
        }
        return CITIZEN_CHECKS.charAt(sum % 11) == id.charAt(17);
    }

    static boolean isCreditCode(String code) {
        if (!CREDIT.matcher(code).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_CHARS.indexOf(code.charAt(i)) * CREDIT_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return CREDIT_CHARS.charAt(check) == code.charAt(17);
    }
}
