package org.tongban.engine.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The chain's arithmetic: the canonical form of a record and its SM3 hash, exactly as defined in the
 * {@linkplain org.tongban.engine.audit package documentation}. Pure functions; changing anything here makes every
 * stored record fail verification, so a new form needs a new version prefix.
 */
final class AuditChain {

    /** The predecessor hash of the first record ever, and the anchor before any retention. */
    static final String GENESIS = "0".repeat(64);
    static final String VERSION = "v1";

    private static final char SEPARATOR = '|';
    private static final String NULL = "\\0";

    private AuditChain() {
    }

    /** The hash a record must carry, given its own predecessor hash and fields. */
    static String hashOf(AuditRecord r) {
        return hash(r.prevHash(), canonical(r.id(), r.occurredAt(), r.actor(), r.onBehalfOf(), r.action(),
                r.objectType(), r.objectId(), r.result(), r.clientAddress(), r.detail()));
    }

    /** The record that {@code entry} becomes as id {@code id} after {@code prevHash}, hash included. */
    static AuditRecord seal(long id, Instant occurredAt, String prevHash, AuditEntry e) {
        String canonical = canonical(id, occurredAt, e.actor(), e.onBehalfOf(), e.action(), e.objectType(),
                e.objectId(), e.result(), e.clientAddress(), e.detail());
        return new AuditRecord(id, occurredAt, e.actor(), e.onBehalfOf(), e.action(), e.objectType(), e.objectId(),
                e.result(), e.clientAddress(), e.detail(), prevHash, hash(prevHash, canonical));
    }

    /** {@code v1|id|millis|actor|onBehalfOf|action|objectType|objectId|result|clientAddress|detail}, escaped. */
    static String canonical(long id, Instant occurredAt, String actor, String onBehalfOf, String action,
                            String objectType, String objectId, AuditResult result, String clientAddress,
                            String detail) {
        StringBuilder out = new StringBuilder(128 + (detail == null ? 0 : detail.length()));
        out.append(VERSION)
                .append(SEPARATOR).append(id)
                .append(SEPARATOR).append(occurredAt.toEpochMilli());
        for (String text : new String[] {actor, onBehalfOf, action, objectType, objectId,
                result == null ? null : result.name(), clientAddress, detail}) {
            out.append(SEPARATOR);
            appendEscaped(out, text);
        }
        return out.toString();
    }

    /**
     * One digest per thread: constructing one checks BouncyCastle's crypto-services constraints (a class look-up),
     * which the profile of the case benchmark showed on every audit record.
     */
    private static final ThreadLocal<SM3Digest> DIGEST = ThreadLocal.withInitial(SM3Digest::new);

    /** Lower-case hex SM3 of {@code prevHash + "|" + canonical}. */
    static String hash(String prevHash, String canonical) {
        return sm3Hex(prevHash + SEPARATOR + canonical);
    }

    /** Lower-case hex SM3 (GB/T 32905-2016) of the UTF-8 bytes of {@code text}. */
    static String sm3Hex(String text) {
        byte[] input = text.getBytes(StandardCharsets.UTF_8);
        SM3Digest digest = DIGEST.get(); // doFinal resets it for the next use
        digest.update(input, 0, input.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    private static void appendEscaped(StringBuilder out, String text) {
        if (text == null) {
            out.append(NULL);
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case SEPARATOR -> out.append("\\|");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
