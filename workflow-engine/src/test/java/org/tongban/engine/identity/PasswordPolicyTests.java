package org.tongban.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    @Test
    void acceptsLongPasswordsWithThreeClasses() {
        assertThat(PasswordPolicy.violations("zhangli", "Tongban@2026")).isEmpty();
        assertThat(PasswordPolicy.violations("zhangli", "tongban2026!")).isEmpty();
    }

    @Test
    void refusesShortSimpleOrNameBearingPasswords() {
        assertThat(PasswordPolicy.violations("zhangli", "Ab1!")).containsExactly("至少 8 位");
        assertThat(PasswordPolicy.violations("zhangli", "abcdefgh12")).hasSize(1);
        assertThat(PasswordPolicy.violations("zhangli", "Zhangli@2026")).containsExactly("不能包含用户名");
        assertThat(PasswordPolicy.violations("zhangli", null)).isNotEmpty();
    }
}
