package org.tongban.engine.cases.internal;

import java.security.SecureRandom;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The verification code (查询码) an applicant gets at intake: six characters of an alphabet without look-alikes
 * (no 0/O, 1/I/L), about 10⁹ possibilities. Only a BCrypt hash is stored; cost 8 (a few milliseconds) because the
 * public look-up is rate-limited, so the hash guards a leaked database, not the endpoint.
 */
@Component
public class AccessCodes {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final int LENGTH = 6;

    private final SecureRandom random = new SecureRandom();
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(8);
    /** A hash of no case's code, checked when the case is unknown so that both answers take as long. */
    private final String decoy = encoder.encode(generate());

    /** A new random code. */
    public String generate() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }

    public String hash(String code) {
        return encoder.encode(code);
    }

    /**
     * Whether {@code code} (case and spaces ignored, as people type it) is the one hashed; a null hash (unknown
     * case) is compared with a decoy and never matches.
     */
    public boolean matches(String code, String hash) {
        String typed = code == null ? "" : code.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
        boolean same = encoder.matches(typed, hash == null ? decoy : hash);
        return hash != null && typed.length() == LENGTH && same;
    }
}
