package fi.yhdyspinta.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The canonical form and the chain hash are fixed for ever: these vectors were computed independently of this
 * code, from the layout documented in {@link AuditCanonicalForm} (a few lines of Python with {@code struct} and
 * {@code hashlib}). A change that breaks them breaks the verification of every chain already sealed.
 */
class CanonicalFormIsPinned {

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 123_456_000, ZoneOffset.UTC);
    private static final String CLIENT = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String RESOURCE = "7d0e8f7a-2b7c-4f3e-9a51-3c1d2e4f5a6b";
    private static final String CORRELATION = "0b6f3c52-4e61-4c27-9d1b-3f4a3c9e2b10";

    static final ChainRecord FIRST = new ChainRecord(UUID.fromString("00000000-0000-4000-8000-000000000001"), 1L, AT,
            "4f1c2a9e-7d3b-4e55-9a61-0c2b8d7e6f10", "1.2.246.10.2345678.20.1", "social-worker", "READ", "REFERRAL",
            RESOURCE, CLIENT, "REFERRAL", null, "PERMITTED", null, CORRELATION, null, null);
    static final ChainRecord SECOND = new ChainRecord(UUID.fromString("00000000-0000-4000-8000-000000000002"), 2L,
            AT.plusNanos(1_000), "5a2b", "1.2.246.10.8765432.1", "ngo-worker", "READ", "REFERRAL", RESOURCE, CLIENT,
            "REFERRAL", null, "REFUSED", 404, CORRELATION, null, null);

    @Test
    void theCanonicalBytesOfARecordAreTheDocumentedLayout() {
        assertThat(HexFormat.of().formatHex(AuditCanonicalForm.of(FIRST))).isEqualTo(
                "01" // version
                + "0000000000000001" // position
                + "0006475ef64ed580" // recorded_at, microseconds since the epoch
                + "00000024" + hex("00000000-0000-4000-8000-000000000001")
                + "00000024" + hex("4f1c2a9e-7d3b-4e55-9a61-0c2b8d7e6f10")
                + "00000017" + hex("1.2.246.10.2345678.20.1")
                + "0000000d" + hex("social-worker")
                + "00000004" + hex("READ")
                + "00000008" + hex("REFERRAL")
                + "00000024" + hex(RESOURCE)
                + "00000040" + hex(CLIENT)
                + "00000008" + hex("REFERRAL")
                + "ffffffff" // legal basis: null
                + "00000009" + hex("PERMITTED")
                + "ffffffff" // refusal status: null
                + "00000024" + hex(CORRELATION));
    }

    @Test
    void theChainHashesAreTheKnownVectors() {
        ChainRecord first = FIRST.sealedAt(1, AuditCanonicalForm.GENESIS);
        assertThat(first.prevHash()).isEqualTo(new byte[32]);
        assertThat(AuditCanonicalForm.hex(first.hash()))
                .isEqualTo("ed11617d1478283174441035f5927899fb672478cfad4731f22f8d3a4715d038");
        ChainRecord second = SECOND.sealedAt(2, first.hash());
        assertThat(AuditCanonicalForm.hex(second.hash()))
                .isEqualTo("78010b5d69ad0c359eb714f41d6bf697b9d81d9626673531801344e728c4f4cf");
    }

    @Test
    void everyFieldPositionAndTimeIncludedChangesTheHash() {
        byte[] hash = FIRST.sealedAt(1, AuditCanonicalForm.GENESIS).hash();
        assertThat(FIRST.sealedAt(2, AuditCanonicalForm.GENESIS).hash()).isNotEqualTo(hash);
        ChainRecord later = new ChainRecord(FIRST.id(), 1L, AT.plusNanos(1_000), FIRST.actorSub(), FIRST.actorOrg(),
                FIRST.actorRole(), FIRST.action(), FIRST.resourceType(), FIRST.resourceId(), FIRST.clientId(),
                FIRST.purpose(), FIRST.legalBasis(), FIRST.outcome(), FIRST.refusalStatus(), FIRST.correlationId(),
                null, null);
        assertThat(later.sealedAt(1, AuditCanonicalForm.GENESIS).hash()).isNotEqualTo(hash);
        ChainRecord emptyInsteadOfNull = new ChainRecord(FIRST.id(), 1L, AT, FIRST.actorSub(), FIRST.actorOrg(),
                FIRST.actorRole(), FIRST.action(), FIRST.resourceType(), FIRST.resourceId(), FIRST.clientId(),
                FIRST.purpose(), "", FIRST.outcome(), FIRST.refusalStatus(), FIRST.correlationId(), null, null);
        assertThat(emptyInsteadOfNull.sealedAt(1, AuditCanonicalForm.GENESIS).hash()).isNotEqualTo(hash);
    }

    @Test
    void anUnsealedRecordHasNoCanonicalFormYet() {
        ChainRecord unsealed = new ChainRecord(FIRST.id(), null, AT, FIRST.actorSub(), null, "client", "READ",
                "REFERRAL", null, CLIENT, null, null, "PERMITTED", null, CORRELATION, null, null);
        assertThatThrownBy(() -> AuditCanonicalForm.of(unsealed)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
