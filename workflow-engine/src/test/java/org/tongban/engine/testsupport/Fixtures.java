package org.tongban.engine.testsupport;

import java.util.List;
import org.tongban.engine.cases.ApplicantType;
import org.tongban.engine.cases.CaseForm;

/** Named applications used across tests. */
public final class Fixtures {

    /** A valid 统一社会信用代码 (check character verified by ApplicantIdsTests). */
    public static final String RESTAURANT_CREDIT_CODE = "91330106MA2K88880X";
    /** A valid citizen identity number. */
    public static final String CITIZEN_ID = "110101199003077571";

    private Fixtures() {
    }

    /** 开办餐饮店 for an enterprise: four matters, four agencies. */
    public static CaseForm aRestaurantOpeningCase() {
        return new CaseForm("OPEN_RESTAURANT", List.of(), ApplicantType.ENTERPRISE, "杭州知味小馆餐饮有限公司",
                RESTAURANT_CREDIT_CODE, "0571-88000000");
    }

    /** The given matters for an enterprise. */
    public static CaseForm aCaseOf(String... matterCodes) {
        return new CaseForm(null, List.of(matterCodes), ApplicantType.ENTERPRISE, "杭州知味小馆餐饮有限公司",
                RESTAURANT_CREDIT_CODE, "0571-88000000");
    }

    /** 食品经营许可 alone, for a person (个体工商户). */
    public static CaseForm aFoodLicenceCase() {
        return new CaseForm(null, List.of("FOOD_BUSINESS_LICENSE"), ApplicantType.PERSON, "𠮷祥", CITIZEN_ID,
                "13900000000");
    }
}
