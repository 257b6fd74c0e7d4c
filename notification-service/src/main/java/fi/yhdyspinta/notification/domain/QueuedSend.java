package fi.yhdyspinta.notification.domain;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * What every queued send (an e-mail delivery attempt, a webhook delivery) keeps: how often it was tried, when it is
 * due, the lease a sender holds on it, and what went wrong last. Senders take due rows under a lease
 * ({@code claimed_until}) so that a crashed sender's rows come back.
 */
@MappedSuperclass
public abstract class QueuedSend {

    /** Sends tried so far. */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    public OffsetDateTime nextAttemptAt;

    /** A sender holds the row until then; after it, another sender may take it over. */
    @Column(name = "claimed_until")
    public OffsetDateTime claimedUntil;

    @Column(name = "attempted_at")
    public OffsetDateTime attemptedAt;

    /** What went wrong on the last try: a status or an exception class, never a message that could quote data. */
    public String failure;

    @Version
    public long version;
}
