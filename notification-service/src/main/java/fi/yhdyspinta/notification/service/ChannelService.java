package fi.yhdyspinta.notification.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.notification.command.SetAlertChannel;
import fi.yhdyspinta.notification.domain.ChannelPreference;
import fi.yhdyspinta.notification.repository.ChannelPreferenceRepository;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.security.Caller;
import fi.yhdyspinta.platform.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * An organisation's channels. A unit lead sets those of the own organisation; an admin those of any.
 * New items use the preference in force when they are made.
 */
@ApplicationScoped
public class ChannelService {

    private final ChannelPreferenceRepository channels;

    public ChannelService(ChannelPreferenceRepository channels) {
        this.channels = channels;
    }

    @WithTransaction
    public Uni<ChannelPreference> update(String organisation, SetAlertChannel command, Caller caller) {
        mayManage(organisation, caller);
        String email = command.email() == null || command.email().isBlank() ? null : command.email().trim();
        if (command.emailEnabled() && email == null) {
            throw ProblemException.invalidField("email", "is required when emailEnabled is true");
        }
        return channels.findById(organisation).chain(existing -> {
            ChannelPreference preference = existing != null ? existing : new ChannelPreference();
            preference.organisation = organisation;
            preference.email = email;
            preference.emailEnabled = command.emailEnabled();
            preference.updatedBy = caller.subject();
            preference.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            return existing != null ? Uni.createFrom().item(preference) : channels.persist(preference);
        });
    }

    /** The preference, or the default (inbox only) when none is set. */
    @WithSession
    public Uni<ChannelPreference> find(String organisation, Caller caller) {
        mayManage(organisation, caller);
        return channels.findById(organisation).map(found -> {
            if (found != null) {
                return found;
            }
            ChannelPreference defaults = new ChannelPreference();
            defaults.organisation = organisation;
            defaults.emailEnabled = false;
            return defaults;
        });
    }

    private static void mayManage(String organisation, Caller caller) {
        if (caller.hasRole(Roles.ADMIN)) {
            return;
        }
        if (!organisation.equals(caller.requireOrganisation())) {
            throw ProblemException.forbidden("a unit lead manages the channels of the own organisation only");
        }
    }
}
