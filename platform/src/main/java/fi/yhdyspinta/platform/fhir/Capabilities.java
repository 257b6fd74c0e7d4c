package fi.yhdyspinta.platform.fhir;

import java.util.Date;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

/** The {@code /fhir/metadata} CapabilityStatement of a service's read-only FHIR R4 views (JSON, OIDC bearer). */
public final class Capabilities {

    private Capabilities() {
    }

    /** The statement of a read-only JSON server, with one REST component ({@code getRestFirstRep()}) to add to. */
    public static CapabilityStatement readOnlyServer(Date published, String name, String title, String description) {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setStatus(PublicationStatus.ACTIVE);
        statement.setDate(published);
        statement.setKind(CapabilityStatementKind.INSTANCE);
        statement.setName(name);
        statement.setTitle(title);
        statement.getImplementation().setDescription(description);
        statement.setFhirVersion(FHIRVersion._4_0_1);
        statement.addFormat(Fhir.MEDIA_TYPE);
        statement.addRest().setMode(RestfulCapabilityMode.SERVER).getSecurity()
                .setDescription("OIDC bearer token; the authorization of the REST API (DESIGN §7)");
        return statement;
    }

    /** A resource type searched by {@code patient} (the henkilötunnus identifier); read by id too when asked. */
    public static CapabilityStatementRestResourceComponent searchedByPatient(CapabilityStatement statement,
            String type, boolean read, String documentation) {
        CapabilityStatementRestResourceComponent resource = statement.getRestFirstRep().addResource().setType(type);
        if (read) {
            resource.addInteraction().setCode(TypeRestfulInteraction.READ);
        }
        resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        resource.addSearchParam().setName("patient").setType(SearchParamType.REFERENCE)
                .setDocumentation("by identifier: urn:oid:1.2.246.21|<henkilötunnus>" + documentation);
        return resource;
    }
}
