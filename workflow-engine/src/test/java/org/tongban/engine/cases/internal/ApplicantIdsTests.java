package org.tongban.engine.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tongban.engine.cases.ApplicantType;
import org.tongban.engine.testsupport.Fixtures;

class ApplicantIdsTests {

    @Test
    void acceptsIdentifiersWithCorrectCheckCharacters() {
        assertThat(ApplicantIds.isValid(ApplicantType.ENTERPRISE, Fixtures.RESTAURANT_CREDIT_CODE)).isTrue();
        assertThat(ApplicantIds.isValid(ApplicantType.ENTERPRISE, "91350100M000100Y43")).isTrue();
        assertThat(ApplicantIds.isValid(ApplicantType.PERSON, Fixtures.CITIZEN_ID)).isTrue();
        assertThat(ApplicantIds.isValid(ApplicantType.PERSON, "11010519491231002X")).isTrue();
    }

    @Test
    void refusesWrongCheckCharactersAndShapes() {
        assertThat(ApplicantIds.isValid(ApplicantType.ENTERPRISE, "91330106MA2K888801")).isFalse();
        assertThat(ApplicantIds.isValid(ApplicantType.ENTERPRISE, "91330106MA2K8888I0")).isFalse(); // I is not used
        assertThat(ApplicantIds.isValid(ApplicantType.PERSON, "110101199003077572")).isFalse();
        assertThat(ApplicantIds.isValid(ApplicantType.PERSON, "1101011990030775")).isFalse();
        assertThat(ApplicantIds.isValid(ApplicantType.PERSON, null)).isFalse();
        // an enterprise code is not a citizen id and vice versa
        assertThat(ApplicantIds.isValid(ApplicantType.PERSON, Fixtures.RESTAURANT_CREDIT_CODE)).isFalse();
    }
}
