package fi.yhdyspinta.platform.openapi;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import fi.yhdyspinta.platform.problem.Problem;

/** The RFC 9457 problem detail as a schema component: what every 4xx/5xx answer of the suite carries. */
final class ProblemSchema {

    static final String NAME = "Problem";
    static final String FIELD_ERROR = "ProblemFieldError";
    static final String REF = "#/components/schemas/" + NAME;

    private ProblemSchema() {
    }

    static void addTo(Components components) {
        components.addSchema(FIELD_ERROR, OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("One offending field or parameter: its JSON path (or parameter name) and what is wrong "
                        + "with it. Never the rejected value.")
                .addProperty("field", string("JSON path of the field, or the parameter's name").addExample("client"))
                .addProperty("message", string("the rule the value breaks")
                        .addExample("is not a valid henkilötunnus: check character does not match"))
                .required(List.of("field", "message")));
        components.addSchema(NAME, OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("An RFC 9457 problem detail (media type " + Problem.MEDIA_TYPE + "). Clients branch on "
                        + "type (stable, documented in docs/api.md); detail is for people. Extension members (e.g. "
                        + "currentStatus, allowedTransitions of illegal-transition) stand at the top level.")
                .addProperty("type", string("the problem type, a URI under " + Problem.TYPE_BASE).format("uri")
                        .addExample(Problem.TYPE_BASE + "validation"))
                .addProperty("title", string("short summary of the problem type").addExample("Request is not valid"))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                        .description("the HTTP status code").addExample(400))
                .addProperty("detail", string("explanation of this occurrence, never with personal data"))
                .addProperty("instance", string("the request path").format("uri-reference").addExample("/needs"))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .description("the offending fields, present on validation problems")
                        .items(OASFactory.createSchema().ref("#/components/schemas/" + FIELD_ERROR)))
                .required(List.of("type", "title", "status"))
                .additionalPropertiesBoolean(Boolean.TRUE));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
    }
}
