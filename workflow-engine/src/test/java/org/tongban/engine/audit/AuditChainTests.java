package org.tongban.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tongban.engine.platform.InvalidInputException;

/** The chain's canonical form and SM3, without Spring: what an external verifier has to reproduce. */
class AuditChainTests {

    static final Instant AT = Instant.parse("2026-01-02T03:04:05.678Z");

    @Test
    void sm3MatchesTheStandardsExamples() {
        // GB/T 32905-2016 appendix A, examples 1 and 2
        assertThat(AuditChain.sm3Hex("abc"))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        assertThat(AuditChain.sm3Hex("abcd".repeat(16)))
                .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    @Test
    void canonicalFormIsTheDocumentedExample() {
        String canonical = AuditChain.canonical(7, AT, "zhangli", null, "case.create", "case", "42",
                AuditResult.SUCCESS, null, "{\"a\":\"x|y\"}");

        assertThat(canonical)
                .isEqualTo("v1|7|1767323045678|zhangli|\\0|case.create|case|42|SUCCESS|\\0|{\"a\":\"x\\|y\"}");
    }

    @Test
    void canonicalFormEscapesSeparatorsBackslashesAndLineBreaks() {
        String canonical = AuditChain.canonical(1, AT, "a|b", "c\\d", "e\nf", "g\rh", "𠮷", AuditResult.DENIED,
                "::1", "line1\r\nline2");

        assertThat(canonical).isEqualTo("v1|1|1767323045678|a\\|b|c\\\\d|e\\nf|g\\rh|𠮷|DENIED|::1|line1\\r\\nline2")
                .doesNotContain("\n", "\r");
    }

    @Test
    void nullAndTheTextBackslashZeroHashDifferently() {
        String withNull = AuditChain.canonical(1, AT, "u", null, "a", "t", "1", AuditResult.SUCCESS, null, null);
        String withText = AuditChain.canonical(1, AT, "u", "\\0", "a", "t", "1", AuditResult.SUCCESS, null, null);

        assertThat(withNull).isNotEqualTo(withText);
        assertThat(withText).contains("|\\\\0|");
    }

    @Test
    void fieldsCannotShiftAcrossTheSeparator() {
        String one = AuditChain.canonical(1, AT, "a|b", "c", "x", "t", "1", AuditResult.SUCCESS, null, null);
        String other = AuditChain.canonical(1, AT, "a", "b|c", "x", "t", "1", AuditResult.SUCCESS, null, null);

        assertThat(one).isNotEqualTo(other);
    }

    @Test
    void hashCoversThePredecessorAndTheCanonicalForm() {
        String canonical = AuditChain.canonical(1, AT, "u", null, "a", "t", "1", AuditResult.SUCCESS, null, null);

        assertThat(AuditChain.hash(AuditChain.GENESIS, canonical))
                .isEqualTo(AuditChain.sm3Hex("0".repeat(64) + "|" + canonical))
                .hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void aSealedRecordVerifiesAndAnyChangedFieldDoesNot() {
        AuditEntry entry = AuditEntry.success("zhangli", "case.create", "case", "42").withDetail("{\"after\":1}");
        AuditRecord sealed = AuditChain.seal(3, AT, AuditChain.GENESIS, entry);

        assertThat(AuditChain.hashOf(sealed)).isEqualTo(sealed.hash());
        AuditRecord edited = new AuditRecord(sealed.id(), sealed.occurredAt(), sealed.actor(), sealed.onBehalfOf(),
                sealed.action(), sealed.objectType(), sealed.objectId(), sealed.result(), sealed.clientAddress(),
                "{\"after\":2}", sealed.prevHash(), sealed.hash());
        assertThat(AuditChain.hashOf(edited)).isNotEqualTo(sealed.hash());
        AuditRecord moved = new AuditRecord(4, sealed.occurredAt(), sealed.actor(), sealed.onBehalfOf(),
                sealed.action(), sealed.objectType(), sealed.objectId(), sealed.result(), sealed.clientAddress(),
                sealed.detail(), sealed.prevHash(), sealed.hash());
        assertThat(AuditChain.hashOf(moved)).isNotEqualTo(sealed.hash());
        AuditRecord retimed = new AuditRecord(3, AT.plusMillis(1), sealed.actor(), sealed.onBehalfOf(),
                sealed.action(), sealed.objectType(), sealed.objectId(), sealed.result(), sealed.clientAddress(),
                sealed.detail(), sealed.prevHash(), sealed.hash());
        assertThat(AuditChain.hashOf(retimed)).isNotEqualTo(sealed.hash());
    }

    @Test
    void entriesStoreBlankOptionalFieldsAsNull() {
        AuditEntry entry = new AuditEntry("zhangli", " ", "auth.login", "user", "zhangli", AuditResult.SUCCESS, "",
                null);

        assertThat(entry.onBehalfOf()).isNull();
        assertThat(entry.clientAddress()).isNull();
    }

    @Test
    void entriesRefuseMissingRequiredFieldsAndOverlongDetail() {
        assertThatThrownBy(() -> AuditEntry.success(" ", "case.create", "case", "1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditEntry.success("u", "case.create", "case", "1").withResult(null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditEntry.success("u", "case.create", "case", "1").withDetail("x".repeat(4001)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void queriesRefuseOversizedPagesAndObjectIdsWithoutType() {
        assertThatThrownBy(() -> AuditQuery.newest(0, 201)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> AuditQuery.newest(-1, 20)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> AuditQuery.newest(0, 20).on(null, "42")).isInstanceOf(InvalidInputException.class);
        assertThat(AuditQuery.newest(3, 200).offset()).isEqualTo(600);
    }
}
