package fi.yhdyspinta.platform.openapi;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.info.Info;
import org.eclipse.microprofile.openapi.models.servers.Server;

/**
 * One place that makes every service's OpenAPI document a contract a client generator likes (issue 13): license and
 * contact, a described server, the RFC 9457 {@code Problem} schema on every 4xx/5xx answer (with the error answers
 * that apply to each operation), and an example for every JSON body that has none. Registered for every service by
 * {@code mp.openapi.filter} in the platform's configuration; runs at build time, so the document Quarkus stores at
 * build time ({@code quarkus.smallrye-openapi.store-schema-directory}) is the one {@code /q/openapi} serves.
 * Operation ids, summaries and tags stay on the resources: they are the contract, written where the code is.
 */
public class ContractFilter implements OASFilter {

    /** SPDX id of the suite's licence (OpenAPI 3.1 takes an SPDX identifier in place of a URL). */
    static final String LICENSE = "EUPL-1.2";

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        describe(openApi);
        if (openApi.getComponents() == null) {
            openApi.setComponents(OASFactory.createComponents());
        }
        Components components = openApi.getComponents();
        ProblemSchema.addTo(components);
        ErrorResponses.addTo(components);
        SchemaExamples examples = new SchemaExamples(components);
        if (openApi.getPaths() != null && openApi.getPaths().getPathItems() != null) {
            for (Map.Entry<String, PathItem> path : openApi.getPaths().getPathItems().entrySet()) {
                path.getValue().getOperations().forEach((method, operation) -> {
                    ErrorResponses.complete(path.getKey(), method, operation);
                    FhirAnswers.describe(path.getKey(), operation);
                    examples.addTo(operation);
                });
            }
        }
    }

    private static void describe(OpenAPI openApi) {
        Info info = openApi.getInfo() == null ? OASFactory.createInfo() : openApi.getInfo();
        openApi.setInfo(info);
        if (info.getDescription() == null) {
            info.setDescription("Yhdyspinta: referrals between health care, social care and NGOs through consent "
                    + "checks. Errors are RFC 9457 problem+json (see the Problem schema); authentication is an OIDC "
                    + "bearer token. Versioning policy: docs/api.md.");
        }
        if (info.getContact() == null) {
            info.setContact(OASFactory.createContact().name("Yhdyspinta integration support")
                    .email("integraatiot@yhdyspinta.fi").url("https://yhdyspinta.fi/integraatiot"));
        }
        if (info.getLicense() == null) {
            info.setLicense(OASFactory.createLicense().name(LICENSE).identifier(LICENSE));
        }
        if (openApi.getServers() == null || openApi.getServers().isEmpty()) {
            openApi.addServer(OASFactory.createServer().url("/").description("this service, where it answers"));
        }
        for (Server server : openApi.getServers()) {
            if (server.getDescription() == null || server.getDescription().startsWith("Auto generated")) {
                server.setDescription("the local stack (deploy/local/up.sh); in a deployment, the service's own host");
            }
        }
    }
}
