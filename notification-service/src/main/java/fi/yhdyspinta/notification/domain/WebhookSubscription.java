package fi.yhdyspinta.notification.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An organisation's webhook: a URL told of the listed event types that concern the organisation. The secret signs
 * every delivery; after a rotation the previous one signs too until {@link #previousSecretValidUntil}.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String organisation;

    @Column(nullable = false)
    public String url;

    /** CloudEvents types, space separated. */
    @Column(name = "event_types", nullable = false)
    public String eventTypes;

    @Column(nullable = false)
    public String secret;

    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_valid_until")
    public OffsetDateTime previousSecretValidUntil;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Version
    public long version;

    public List<String> eventTypeList() {
        return Arrays.asList(eventTypes.split(" "));
    }

    public boolean wants(String eventType) {
        return eventTypeList().contains(eventType);
    }

    /** The secrets that sign at {@code now}: the current one first, then the previous one during its overlap. */
    public List<String> signingSecrets(OffsetDateTime now) {
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretValidUntil != null && now.isBefore(previousSecretValidUntil)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    /** A new current secret; the one it replaces stays valid until {@code validUntil} (an older one is dropped). */
    public void rotate(String newSecret, OffsetDateTime validUntil) {
        previousSecret = secret;
        previousSecretValidUntil = validUntil;
        secret = newSecret;
    }
}
