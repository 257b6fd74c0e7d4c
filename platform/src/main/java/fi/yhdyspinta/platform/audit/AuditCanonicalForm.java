package fi.yhdyspinta.platform.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/**
 * The canonical byte form of an audit record, which its chain hash covers. Fixed and versioned: a record
 * sealed today must verify in ten years, so this layout never changes — a new layout gets a new version byte.
 *
 * <pre>
 * canonical(record) =
 *   0x01                                   version of this layout (1 byte)
 *   position                               8 bytes, signed big-endian
 *   recorded_at                            8 bytes, signed big-endian: microseconds since 1970-01-01T00:00Z
 *   id                                     field: the UUID in lower-case text, 36 characters
 *   actor_sub, actor_org, actor_role,      fields, in this order
 *   action, resource_type, resource_id,
 *   client_id, purpose, legal_basis,
 *   outcome, refusal_status, correlation_id   (refusal_status as decimal text, e.g. "403")
 *
 * field = length (4 bytes, signed big-endian, of the UTF-8 bytes) then the UTF-8 bytes;
 *         a null field is the length -1 (0xFFFFFFFF) and no bytes, so null and "" differ.
 *
 * hash(record) = SHA-256(canonical(record) || prev_hash)
 * prev_hash    = the hash of the record at position - 1; 32 zero bytes for position 1 (genesis).
 * </pre>
 *
 * Every field the record holds is covered, position and time included: moving a record to another place in
 * the chain changes its hash just as editing it does. Only {@code seq} (insertion order, before sealing) and
 * {@code published} (bookkeeping of the publication) are outside it.
 */
public final class AuditCanonicalForm {

    public static final byte VERSION = 1;
    public static final int HASH_BYTES = 32;
    /** The previous hash of position 1. */
    public static final byte[] GENESIS = new byte[HASH_BYTES];

    private AuditCanonicalForm() {
    }

    /** The canonical bytes of a record placed at its {@link ChainRecord#position()}. */
    public static byte[] of(ChainRecord record) {
        if (record.position() == null) {
            throw new IllegalArgumentException("an unsealed record has no canonical form yet: it needs its position");
        }
        Writer out = new Writer();
        out.write(VERSION);
        out.writeLong(record.position());
        out.writeLong(epochMicros(record.recordedAt()));
        out.field(record.id().toString());
        out.field(record.actorSub());
        out.field(record.actorOrg());
        out.field(record.actorRole());
        out.field(record.action());
        out.field(record.resourceType());
        out.field(record.resourceId());
        out.field(record.clientId());
        out.field(record.purpose());
        out.field(record.legalBasis());
        out.field(record.outcome());
        out.field(record.refusalStatus() == null ? null : record.refusalStatus().toString());
        out.field(record.correlationId());
        return out.toByteArray();
    }

    /** SHA-256 of the record's canonical form followed by {@code prevHash}. */
    public static byte[] hash(ChainRecord record, byte[] prevHash) {
        MessageDigest sha = sha256();
        sha.update(of(record));
        sha.update(prevHash);
        return sha.digest();
    }

    public static String hex(byte[] hash) {
        return hash == null ? null : HexFormat.of().formatHex(hash);
    }

    /** Microseconds since the epoch: PostgreSQL's {@code timestamptz} precision, so the stored time round-trips. */
    static long epochMicros(OffsetDateTime time) {
        return Math.addExact(Math.multiplyExact(time.toEpochSecond(), 1_000_000L), time.getNano() / 1_000);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static final class Writer extends ByteArrayOutputStream {

        Writer() {
            super(384);
        }

        void writeInt(int value) {
            write(value >>> 24);
            write(value >>> 16);
            write(value >>> 8);
            write(value);
        }

        void writeLong(long value) {
            writeInt((int) (value >>> 32));
            writeInt((int) value);
        }

        void field(String value) {
            if (value == null) {
                writeInt(-1);
                return;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            writeInt(bytes.length);
            write(bytes, 0, bytes.length);
        }
    }
}
