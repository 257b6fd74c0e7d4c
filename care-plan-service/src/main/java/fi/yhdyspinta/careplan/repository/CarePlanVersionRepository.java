package fi.yhdyspinta.careplan.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.careplan.domain.CarePlanVersion;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CarePlanVersionRepository implements PanacheRepositoryBase<CarePlanVersion, CarePlanVersion.Key> {

    public Uni<List<CarePlanVersion>> ofPlan(UUID planId) {
        return list("planId", Sort.ascending("planVersion"), planId);
    }

    public Uni<CarePlanVersion> find(UUID planId, int planVersion) {
        return find("planId = ?1 and planVersion = ?2", planId, planVersion).firstResult();
    }
}
