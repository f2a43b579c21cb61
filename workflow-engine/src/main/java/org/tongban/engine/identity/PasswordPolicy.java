package org.tongban.engine.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 口令复杂度: at least 8 characters, at least three of upper case, lower case, digits and other characters,
 * and not containing the username.
 */
public final class PasswordPolicy {

    static final int MIN_LENGTH = 8;

    private PasswordPolicy() {
    }

    /** What is wrong with the password, in words for the user; empty when it is acceptable. */
    public static List<String> violations(String username, String password) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            problems.add("至少 " + MIN_LENGTH + " 位");
            return problems;
        }
        int classes = (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        if (classes < 3) {
            problems.add("须包含大写字母、小写字母、数字、符号中的至少三类");
        }
        if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            problems.add("不能包含用户名");
        }
        return problems;
    }
}
