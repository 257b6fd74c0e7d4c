package fi.yhdyspinta.platform.audit;

/** A published anchor of this service's chain: the hash the record at {@code position} had when sealed. */
public record Anchor(long position, byte[] hash) {
}
