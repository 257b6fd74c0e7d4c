package fi.yhdyspinta.referral.config;

import java.time.Duration;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fi.yhdyspinta.events.code.Urgency;

/**
 * How long a receiver has to answer a referral, by urgency ({@code yhdyspinta.referrals.deadline.<URGENCY>}), and
 * the grace after the deadline before an unanswered referral EXPIRES ({@code yhdyspinta.referrals.expiry-grace}).
 * ISO-8601 durations. The Urgency codes are EMERGENCY, URGENT and ROUTINE (there is no SOON).
 */
@ApplicationScoped
public class ReferralDeadlines {

    private final Duration emergency;
    private final Duration urgent;
    private final Duration routine;
    private final Duration grace;

    public ReferralDeadlines(
            @ConfigProperty(name = "yhdyspinta.referrals.deadline.EMERGENCY", defaultValue = "PT4H") Duration emergency,
            @ConfigProperty(name = "yhdyspinta.referrals.deadline.URGENT", defaultValue = "P1D") Duration urgent,
            @ConfigProperty(name = "yhdyspinta.referrals.deadline.ROUTINE", defaultValue = "P21D") Duration routine,
            @ConfigProperty(name = "yhdyspinta.referrals.expiry-grace", defaultValue = "P14D") Duration grace) {
        this.emergency = emergency;
        this.urgent = urgent;
        this.routine = routine;
        this.grace = grace;
    }

    public Duration answerTime(Urgency urgency) {
        return switch (urgency) {
            case EMERGENCY -> emergency;
            case URGENT -> urgent;
            case ROUTINE -> routine;
        };
    }

    public OffsetDateTime dueAt(Urgency urgency, OffsetDateTime sentAt) {
        return sentAt.plus(answerTime(urgency));
    }

    public Duration grace() {
        return grace;
    }
}
