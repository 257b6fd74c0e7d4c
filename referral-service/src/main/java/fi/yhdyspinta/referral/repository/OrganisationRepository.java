package fi.yhdyspinta.referral.repository;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.referral.domain.Organisation;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class OrganisationRepository implements PanacheRepositoryBase<Organisation, String> {
}
