package fi.yhdyspinta.notification.domain;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * How an organisation wants to hear of new inbox items besides the inbox itself (kanava): an
 * organisational mailbox such as the registry office (kirjaamo), never a person's address by design.
 */
@Entity
@Table(name = "channel_preference")
public class ChannelPreference {

    @Id
    public String organisation;

    public String email;

    @Column(name = "email_enabled", nullable = false)
    public boolean emailEnabled;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public boolean wantsEmail() {
        return emailEnabled && email != null && !email.isBlank();
    }
}
