package fi.yhdyspinta.events.payload;

/**
 * An organisation of the registry as it now is: services keep a replica of OID, sector, municipality
 * and whether it is active, so that sectors never come from a request body. {@code version} lets a
 * replica ignore an older state that arrives late. The record key and subject are the OID.
 */
public record OrganisationChanged(
        String oid,
        String sector,
        String municipality,
        boolean active,
        long version) {
}
