package fi.yhdyspinta.notification.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.notification.domain.WebhookSubscription;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class WebhookSubscriptionRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {

    public Uni<List<WebhookSubscription>> ofOrganisation(String organisation) {
        return list("organisation", Sort.by("createdAt"), organisation);
    }
}
