package fi.yhdyspinta.referral.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.referral.domain.SocialPrescription;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class SocialPrescriptionRepository implements PanacheRepositoryBase<SocialPrescription, UUID> {
}
