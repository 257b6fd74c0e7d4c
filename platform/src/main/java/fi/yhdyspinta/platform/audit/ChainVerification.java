package fi.yhdyspinta.platform.audit;

/**
 * The answer of {@code GET /audit/verify}: {@code OK} with the number of sealed records and the head (position
 * and hash, hex), or {@code BROKEN} with the first broken position and why. {@code anchorsChecked}: published
 * anchors compared with the chain; {@code unsealed}: records committed and waiting for the sealer (not part
 * of the chain yet, so not verified).
 */
public record ChainVerification(Status status, long count, long headPosition, String headHash,
        Long firstBrokenPosition, ChainBreak reason, int anchorsChecked, long unsealed) {

    public enum Status {
        OK,
        BROKEN
    }

    public boolean ok() {
        return status == Status.OK;
    }

    static ChainVerification ok(long count, long headPosition, byte[] headHash, int anchorsChecked, long unsealed) {
        return new ChainVerification(Status.OK, count, headPosition, AuditCanonicalForm.hex(headHash), null, null,
                anchorsChecked, unsealed);
    }

    static ChainVerification broken(long count, long headPosition, byte[] headHash, long position, ChainBreak reason,
            int anchorsChecked, long unsealed) {
        return new ChainVerification(Status.BROKEN, count, headPosition, AuditCanonicalForm.hex(headHash), position,
                reason, anchorsChecked, unsealed);
    }
}
