package fi.yhdyspinta.platform.openapi;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * The FHIR R4 answers (the services' FHIR read views and the archive's document Bundles) are resources the HAPI model
 * writes, not records smallrye-openapi can describe: each gets a FHIR resource schema (resourceType names the
 * resource; the rest is the R4 specification's) and an example naming the resource it answers with.
 */
final class FhirAnswers {

    private FhirAnswers() {
    }

    static void describe(String path, Operation operation) {
        String resource = resourceOf(path);
        if (resource == null || operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2") && response.getContent() != null && response.getContent().getMediaTypes() != null) {
                response.getContent().getMediaTypes().forEach((type, media) -> {
                    if (type.contains("json") && undescribed(media.getSchema())) {
                        media.setSchema(OASFactory.createSchema().addType(SchemaType.OBJECT)
                                .description("A FHIR R4 " + resource + " (http://hl7.org/fhir/R4/)")
                                .addProperty("resourceType", OASFactory.createSchema().addType(SchemaType.STRING))
                                .additionalPropertiesBoolean(Boolean.TRUE));
                        Map<String, Object> example = new LinkedHashMap<>();
                        example.put("resourceType", resource);
                        example.put("id", "5f0c1c8e-6a2b-4d3e-9f10-2b7c4d5e6f70");
                        media.setExample(example);
                    }
                });
            }
        });
    }

    /** No schema, or an empty one (smallrye writes {} for a second media type of a Response). */
    private static boolean undescribed(org.eclipse.microprofile.openapi.models.media.Schema schema) {
        return schema == null || schema.getRef() == null && schema.getType() == null && schema.getProperties() == null;
    }

    /** The resource a FHIR path answers with: a read its type, a search a Bundle, metadata a CapabilityStatement. */
    private static String resourceOf(String path) {
        if (path.startsWith("/archive/documents/{")) {
            return "Bundle";
        }
        if (!path.startsWith("/fhir/")) {
            return null;
        }
        String[] segments = path.substring("/fhir/".length()).split("/");
        if ("metadata".equals(segments[0])) {
            return "CapabilityStatement";
        }
        return segments.length > 1 ? segments[0] : "Bundle";
    }
}
