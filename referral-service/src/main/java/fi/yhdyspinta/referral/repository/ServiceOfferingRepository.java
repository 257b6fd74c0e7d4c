package fi.yhdyspinta.referral.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.referral.domain.ServiceOffering;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ServiceOfferingRepository implements PanacheRepositoryBase<ServiceOffering, UUID> {

    /** Active offerings matching every given criterion (null = any), by name. */
    public Uni<List<ServiceOffering>> search(DirectoryQuery query) {
        List<String> where = new ArrayList<>(List.of("active = true"));
        Map<String, Object> parameters = new HashMap<>();
        if (query.category() != null) {
            where.add("categories like :category");
            parameters.put("category", "%," + query.category().name() + ",%");
        }
        if (query.language() != null) {
            where.add("languages like :language");
            parameters.put("language", "%," + query.language().code() + ",%");
        }
        if (query.municipality() != null) {
            where.add("municipality = :municipality");
            parameters.put("municipality", query.municipality());
        }
        if (query.capacity() != null) {
            where.add("capacity = :capacity");
            parameters.put("capacity", query.capacity());
        }
        if (query.organisation() != null) {
            where.add("organisationOid = :organisation");
            parameters.put("organisation", query.organisation());
        }
        return find(String.join(" and ", where), Sort.by("name").and("id"), parameters)
                .page(Page.of(query.page(), query.size())).list();
    }

    public Uni<Long> countActiveOf(String organisationOid) {
        return count("organisationOid = ?1 and active = true", organisationOid);
    }
}
