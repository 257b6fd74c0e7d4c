package fi.yhdyspinta.referral.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.events.EventType;
import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.events.code.Purpose;
import fi.yhdyspinta.events.code.ReferralStatus;
import fi.yhdyspinta.events.code.Sector;
import fi.yhdyspinta.events.code.SocialPrescriptionStatus;
import fi.yhdyspinta.events.payload.SocialPrescriptionChanged;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.client.ClientIdPseudonymiser;
import fi.yhdyspinta.platform.client.Henkilotunnus;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.platform.outbox.Outbox;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.problem.ProblemType;
import fi.yhdyspinta.platform.security.Caller;
import fi.yhdyspinta.referral.command.PrescribeSocialService;
import fi.yhdyspinta.referral.domain.Actor;
import fi.yhdyspinta.referral.domain.Capacity;
import fi.yhdyspinta.referral.domain.Referral;
import fi.yhdyspinta.referral.domain.SocialPrescription;
import fi.yhdyspinta.referral.domain.SocialPrescriptionLifecycle;
import fi.yhdyspinta.referral.repository.ServiceOfferingRepository;
import fi.yhdyspinta.referral.repository.SocialPrescriptionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Social prescribing (hyvinvointilähete, D27). A professional prescribes an active NGO activity of the service
 * directory; the prescription is a referral with purpose SOCIAL_PRESCRIBING carrying NEED_SUMMARY and
 * CONTACT_DETAILS only, through the same consent decision as any referral (the NGO sees nothing before the
 * permit). The NGO then confirms the client's start and later the attendance (ATTENDED, DID_NOT_ATTEND,
 * DECLINED); the referral follows (ACCEPTED and IN_PROGRESS, then COMPLETED with the matching outcome) and the
 * prescriber hears the outcome ({@code social-prescription-*} events, inbox).
 */
@ApplicationScoped
public class SocialPrescriptions {

    /** The data a social prescription discloses, and no other. */
    public static final List<DataCategory> DATA = List.of(DataCategory.NEED_SUMMARY, DataCategory.CONTACT_DETAILS);

    /** A social prescription: its referral and the NGO side. */
    public record Prescribed(Referral referral, SocialPrescription prescription) {
    }

    private final ServiceOfferingRepository offerings;
    private final SocialPrescriptionRepository prescriptions;
    private final ClientIdPseudonymiser pseudonymiser;
    private final OrganisationRegistry registry;
    private final ReferralIntake intake;
    private final ReferralService referrals;
    private final Outbox outbox;
    private final Clock clock;

    public SocialPrescriptions(ServiceOfferingRepository offerings, SocialPrescriptionRepository prescriptions,
            ClientIdPseudonymiser pseudonymiser, OrganisationRegistry registry, ReferralIntake intake,
            ReferralService referrals, Outbox outbox, Clock clock) {
        this.offerings = offerings;
        this.prescriptions = prescriptions;
        this.pseudonymiser = pseudonymiser;
        this.registry = registry;
        this.intake = intake;
        this.referrals = referrals;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Prescribed> prescribe(PrescribeSocialService command, Caller caller, Causation causation) {
        Henkilotunnus hetu = Henkilotunnus.parse(command.client());
        ClientId clientId = pseudonymiser.clientIdOf(hetu);
        String organisation = caller.requireOrganisation();
        return offerings.findById(command.serviceId()).chain(offering -> {
            if (offering == null || !offering.active) {
                throw ProblemException.invalidField("serviceId", "must be an active offering of the service directory");
            }
            if (offering.sector != Sector.NGO) {
                throw ProblemException.invalidField("serviceId", "must be an NGO activity (social prescribing)");
            }
            if (offering.capacity == Capacity.NO) {
                throw ProblemException.invalidField("serviceId", "takes no clients now (capacity NO)");
            }
            if (!offering.categories.contains("," + command.needCategory().name() + ",")) {
                throw ProblemException.invalidField("needCategory", "must be a need category the activity serves");
            }
            if (offering.organisationOid.equals(organisation)) {
                throw ProblemException.invalidField("serviceId", "must be another organisation's activity");
            }
            return registry.actingOrganisation(organisation)
                    .chain(source -> registry.activeOrganisation(offering.organisationOid, "serviceId")
                            .chain(target -> intake.open(new ReferralIntake.Opening(hetu.value(), clientId.value(),
                                    command.needCategory(), command.urgency(), Purpose.SOCIAL_PRESCRIBING,
                                    DATA, source, target, null, "SOCIAL_PRESCRIPTION"), caller, causation)))
                    .chain(referral -> {
                        SocialPrescription prescription = new SocialPrescription();
                        prescription.referralId = referral.id;
                        prescription.serviceId = offering.id;
                        prescription.status = SocialPrescriptionStatus.PRESCRIBED;
                        return prescriptions.persist(prescription).map(p -> new Prescribed(referral, p));
                    });
        });
    }

    /** The prescription, if the caller's organisation may see its referral (the same disclosure rule). */
    @WithTransaction
    public Uni<Prescribed> find(UUID id, Caller caller) {
        return referrals.read(id, caller, Causation.fromRequest(null).correlationId(), read -> true).chain(referral -> prescriptions.findById(id).map(p -> {
            if (p == null) {
                throw ProblemException.notFound("social prescription");
            }
            return new Prescribed(referral, p);
        }));
    }

    /** The NGO confirms that the client started the activity: the referral is ACCEPTED and IN_PROGRESS. */
    @WithTransaction
    public Uni<Prescribed> start(UUID id, Caller caller, Causation causation, OptionalLong expected) {
        return asProvider(id, caller, expected).chain(found -> {
            Referral r = found.referral();
            SocialPrescription p = found.prescription();
            requireStep(p, SocialPrescriptionStatus.STARTED);
            Uni<Referral> accepted = r.status == ReferralStatus.ACCEPTED ? Uni.createFrom().item(r)
                    : referrals.move(r, ReferralStatus.ACCEPTED, causation, Actor.of(caller), () -> {
                    });
            return accepted
                    .chain(a -> referrals.move(a, ReferralStatus.IN_PROGRESS, causation, Actor.of(caller), () -> {
                    }))
                    .chain(inProgress -> step(inProgress, p, SocialPrescriptionStatus.STARTED, causation));
        });
    }

    /** The NGO reports how it went: the referral is COMPLETED with the matching outcome, for the prescriber. */
    @WithTransaction
    public Uni<Prescribed> attendance(UUID id, SocialPrescriptionStatus attendance, Caller caller, Causation causation,
            OptionalLong expected) {
        if (!SocialPrescriptionLifecycle.isAttendance(attendance)) {
            throw ProblemException.invalidField("attendance", "must be ATTENDED, DID_NOT_ATTEND or DECLINED");
        }
        return asProvider(id, caller, expected).chain(found -> {
            Referral r = found.referral();
            SocialPrescription p = found.prescription();
            requireStep(p, attendance);
            return referrals.move(r, ReferralStatus.COMPLETED, causation, Actor.of(caller, attendance),
                    () -> r.outcome = SocialPrescriptionLifecycle.outcomeOf(attendance))
                    .chain(completed -> step(completed, p, attendance, causation));
        });
    }

    private Uni<Prescribed> asProvider(UUID id, Caller caller, OptionalLong expected) {
        return find(id, caller).map(found -> {
            if (!found.referral().receiverOrganisation.equals(caller.requireOrganisation())) {
                throw ProblemException.forbidden("only the organisation offering the activity may do this");
            }
            ReferralService.requireVersion(found.referral(), expected);
            return found;
        });
    }

    private static void requireStep(SocialPrescription p, SocialPrescriptionStatus target) {
        if (!SocialPrescriptionLifecycle.allows(p.status, target)) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION,
                    "a social prescription in status " + p.status + " cannot become " + target, List.of(),
                    Map.of("currentStatus", p.status,
                            "allowedTransitions", SocialPrescriptionLifecycle.allowedAfter(p.status)));
        }
    }

    /** The NGO-side step and its event, with the referral's version after the change. */
    private Uni<Prescribed> step(Referral r, SocialPrescription p, SocialPrescriptionStatus target,
            Causation causation) {
        SocialPrescriptionStatus previous = p.status;
        OffsetDateTime now = OffsetDateTime.now(clock);
        p.status = target;
        if (target == SocialPrescriptionStatus.STARTED) {
            p.startedAt = now;
        } else {
            p.endedAt = now;
        }
        SocialPrescriptionChanged payload = new SocialPrescriptionChanged(r.id.toString(), r.clientId,
                r.senderOrganisation, r.receiverOrganisation, p.serviceId.toString(), target.name(), previous.name(),
                r.version);
        return prescriptions.flush()
                .chain(() -> outbox.record(eventOf(target), new ClientId(r.clientId), payload, causation))
                .replaceWith(new Prescribed(r, p));
    }

    private static EventType eventOf(SocialPrescriptionStatus status) {
        return switch (status) {
            case STARTED -> EventType.SOCIAL_PRESCRIPTION_STARTED;
            case ATTENDED -> EventType.SOCIAL_PRESCRIPTION_ATTENDED;
            case DID_NOT_ATTEND -> EventType.SOCIAL_PRESCRIPTION_DID_NOT_ATTEND;
            case DECLINED -> EventType.SOCIAL_PRESCRIPTION_DECLINED;
            case PRESCRIBED -> throw new IllegalArgumentException("no event for " + status);
        };
    }
}
