package fi.yhdyspinta.platform.audit;

/** Why the chain is broken at its first broken position. */
public enum ChainBreak {
    /** The record's content no longer gives its stored hash (or its predecessor was rewritten with a new hash). */
    EDITED,
    /** A position is missing (a gap), or the record the next one links to is gone and the rest renumbered. */
    DELETED,
    /** An extra record that links to its predecessor but not the next one to it, or a sealed row without hashes. */
    INSERTED,
    /** Records out of order: the record's link points to a record at a later position. */
    REORDERED,
    /** The chain is consistent in itself but its hash at an anchored position differs from the published anchor. */
    ANCHOR_MISMATCH
}
