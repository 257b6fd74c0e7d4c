package fi.yhdyspinta.careplan.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.careplan.domain.ResponsibleWorkerChange;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ResponsibleWorkerChangeRepository implements PanacheRepositoryBase<ResponsibleWorkerChange, UUID> {

    public Uni<List<ResponsibleWorkerChange>> ofPlan(UUID planId) {
        return list("planId", Sort.ascending("changedAt", "planVersion"), planId);
    }
}
