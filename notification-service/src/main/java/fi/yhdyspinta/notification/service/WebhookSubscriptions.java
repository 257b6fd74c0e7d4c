package fi.yhdyspinta.notification.service;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.notification.config.NotificationConfig;
import fi.yhdyspinta.notification.domain.WebhookSubscription;
import fi.yhdyspinta.notification.repository.WebhookSubscriptionRepository;
import fi.yhdyspinta.platform.archive.ServiceClock;
import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.problem.ProblemType;
import fi.yhdyspinta.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * An organisation's webhook subscriptions, managed by its unit lead: subscribe (the secret answered once), list
 * (never a secret), delete, rotate the secret (the previous one signs too during the overlap). Another
 * organisation's subscription is 404: it does not reveal that it exists.
 */
@ApplicationScoped
public class WebhookSubscriptions {

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookTargets targets;
    private final SubscribableEvents subscribable;
    private final NotificationConfig.Webhooks config;
    private final ServiceClock clock;

    public WebhookSubscriptions(WebhookSubscriptionRepository subscriptions, WebhookTargets targets,
            SubscribableEvents subscribable, NotificationConfig config, ServiceClock clock) {
        this.subscriptions = subscriptions;
        this.targets = targets;
        this.subscribable = subscribable;
        this.config = config.webhooks();
        this.clock = clock;
    }

    public Uni<IssuedSecret> subscribe(SubscribeWebhook command, Caller caller) {
        String organisation = caller.requireOrganisation();
        List<String> types = eventTypes(command.eventTypes());
        return targets.checkedOnSubscribe(command.url()).chain(target -> Panache.withTransaction(
                () -> subscriptions.count("organisation", organisation).chain(held -> {
                    if (held >= config.maxPerOrganisation()) {
                        throw new ProblemException(ProblemType.CONFLICT,
                                "the organisation already holds " + held + " webhooks (at most "
                                        + config.maxPerOrganisation() + ")");
                    }
                    WebhookSubscription subscription = new WebhookSubscription();
                    subscription.id = UUID.randomUUID();
                    subscription.organisation = organisation;
                    subscription.url = target.uri().toString();
                    subscription.eventTypes = String.join(" ", types);
                    subscription.secret = WebhookSecrets.newSecret();
                    subscription.createdBy = caller.subject();
                    subscription.createdAt = clock.now();
                    return subscriptions.persist(subscription)
                            .map(saved -> new IssuedSecret(saved, saved.secret));
                })));
    }

    @WithSession
    public Uni<List<WebhookSubscription>> list(Caller caller) {
        return subscriptions.ofOrganisation(caller.requireOrganisation());
    }

    @WithTransaction
    public Uni<Void> delete(UUID id, Caller caller) {
        return own(id, caller).chain(subscriptions::delete);
    }

    /** A new secret, answered once; the replaced one stays valid for the configured overlap. */
    @WithTransaction
    public Uni<IssuedSecret> rotate(UUID id, Caller caller) {
        return own(id, caller).map(subscription -> {
            subscription.rotate(WebhookSecrets.newSecret(), clock.now().plus(config.secretOverlap()));
            return new IssuedSecret(subscription, subscription.secret);
        });
    }

    private Uni<WebhookSubscription> own(UUID id, Caller caller) {
        String organisation = caller.requireOrganisation();
        return subscriptions.findById(id).map(found -> {
            if (found == null || !found.organisation.equals(organisation)) {
                throw ProblemException.notFound("webhook");
            }
            return found;
        });
    }

    /** The asked types, each one that makes inbox items, once each; else 400 naming the element. */
    private List<String> eventTypes(List<String> asked) {
        for (int i = 0; i < asked.size(); i++) {
            if (!subscribable.contains(asked.get(i))) {
                throw ProblemException.invalidField("eventTypes[" + i + "]",
                        "must be one of the event types that reach an inbox: " + String.join(", ", subscribable.all()));
            }
        }
        return List.copyOf(new LinkedHashSet<>(asked));
    }

}
