package fi.yhdyspinta.referral.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.referral.domain.Need;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class NeedRepository implements PanacheRepositoryBase<Need, UUID> {
}
