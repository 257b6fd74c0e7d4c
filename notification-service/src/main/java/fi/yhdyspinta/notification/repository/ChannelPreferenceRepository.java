package fi.yhdyspinta.notification.repository;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.notification.domain.ChannelPreference;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** Channel preferences, keyed by the organisation's OID. */
@ApplicationScoped
public class ChannelPreferenceRepository implements PanacheRepositoryBase<ChannelPreference, String> {
}
