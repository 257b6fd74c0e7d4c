package fi.yhdyspinta.platform.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import fi.yhdyspinta.platform.problem.Problem;
import fi.yhdyspinta.platform.problem.ProblemType;

/**
 * The error answers of an operation, each a problem+json body: one shared response component per status, referenced
 * by every operation it applies to — 400 when it takes parameters or a body, 401 and 403 when it needs a role, 404
 * when its path names a resource, 409 for a change, 412 when it reads If-Match, 428 when a replacement needs it, 500
 * and 503 always. An answer a resource documents itself keeps its description and gets the problem body.
 */
final class ErrorResponses {

    /** What smallrye-openapi writes on the answers it adds by itself: ours say more. */
    private static final java.util.Set<String> GENERIC = java.util.Set.of("null", "Not Authorized", "Not Allowed",
            "Bad Request");

    /** status → (component name, example problem). */
    private static final Map<String, Answer> ANSWERS = new LinkedHashMap<>();

    private record Answer(String component, String description, Map<String, Object> example) {
        String ref() {
            return "#/components/responses/" + component;
        }
    }

    static {
        Map<String, Object> invalid = new LinkedHashMap<>(problem(ProblemType.VALIDATION,
                "client: is not a valid henkilötunnus: check character does not match", "/needs"));
        invalid.put("errors", List.of(Map.of("field", "client",
                "message", "is not a valid henkilötunnus: check character does not match")));
        answer("400", "BadRequest", "A field or parameter breaks a rule (validation; errors[] names each), or the body "
                + "is not JSON for this resource (malformed-json)", invalid);
        answer("401", "Unauthorized", "No valid bearer token (unauthenticated)",
                problem(ProblemType.UNAUTHENTICATED, "Send a valid bearer token", "/referrals"));
        answer("403", "Forbidden", "The caller's role or organisation may not do this (forbidden)",
                problem(ProblemType.FORBIDDEN, "This role may not do this", "/referrals"));
        answer("404", "NotFound", "No such resource for this caller: it does not reveal whether it exists (not-found)",
                problem(ProblemType.NOT_FOUND, "referral not found",
                        "/referrals/5f0c1c8e-6a2b-4d3e-9f10-2b7c4d5e6f70"));
        Map<String, Object> illegal = new LinkedHashMap<>(problem(ProblemType.ILLEGAL_TRANSITION,
                "A COMPLETED referral cannot be accepted", "/referrals/5f0c1c8e-6a2b-4d3e-9f10-2b7c4d5e6f70/accept"));
        illegal.put("currentStatus", "COMPLETED");
        illegal.put("allowedTransitions", List.of());
        answer("409", "Conflict", "The state does not allow this change (illegal-transition: currentStatus and "
                + "allowedTransitions say what does), it conflicts with the current state (conflict), or a request "
                + "with the same Idempotency-Key is in progress (idempotency-key-in-flight)", illegal);
        answer("412", "PreconditionFailed", "If-Match named a version that is no longer current: read again, then "
                + "retry (precondition-failed)", problem(ProblemType.PRECONDITION_FAILED,
                        "The resource is at another version", "/plans/5f0c1c8e-6a2b-4d3e-9f10-2b7c4d5e6f70"));
        answer("428", "PreconditionRequired", "This change needs If-Match with the version it applies to "
                + "(precondition-required)", problem(ProblemType.PRECONDITION_REQUIRED,
                        "Send If-Match with the version read", "/plans/5f0c1c8e-6a2b-4d3e-9f10-2b7c4d5e6f70"));
        answer("500", "InternalError", "A bug: the detail says only that it is logged (internal)",
                problem(ProblemType.INTERNAL, "The error is logged", "/referrals"));
        answer("503", "ServiceUnavailable", "The database or another dependency cannot be reached: retry after "
                + "Retry-After seconds (service-unavailable)", problem(ProblemType.SERVICE_UNAVAILABLE,
                        "Try again after Retry-After seconds", "/referrals"));
    }

    private ErrorResponses() {
    }

    private static void answer(String status, String component, String description, Map<String, Object> example) {
        ANSWERS.put(status, new Answer(component, description, example));
    }

    private static Map<String, Object> problem(ProblemType type, String detail, String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type.uri());
        problem.put("title", type.title());
        problem.put("status", type.status().getStatusCode());
        problem.put("detail", detail);
        problem.put("instance", instance);
        return problem;
    }

    static void addTo(Components components) {
        ANSWERS.forEach((status, answer) -> {
            APIResponse response = OASFactory.createAPIResponse().description(answer.description())
                    .content(problemContent(answer.example()));
            if ("503".equals(status)) {
                response.addHeader("Retry-After", OASFactory.createHeader().description("seconds to wait")
                        .schema(OASFactory.createSchema().addType(
                                org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.INTEGER)));
            }
            components.addResponse(answer.component(), response);
        });
    }

    static void complete(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        for (String status : applying(path, method, operation)) {
            APIResponse own = responses.getAPIResponse(status);
            if (own == null || own.getContent() == null && GENERIC.contains(String.valueOf(own.getDescription()))) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(ANSWERS.get(status).ref()));
            }
        }
        if (responses.getAPIResponses() == null) {
            return;
        }
        responses.getAPIResponses().forEach((status, response) -> {
            if (response.getRef() == null && isError(status)) {
                Answer answer = ANSWERS.get(status);
                if (response.getDescription() == null || response.getDescription().isBlank()) {
                    response.setDescription(answer == null ? "A problem" : answer.description());
                }
                if (response.getContent() == null) {
                    response.setContent(OASFactory.createContent());
                }
                if (response.getContent().getMediaType(Problem.MEDIA_TYPE) == null) {
                    response.getContent().addMediaType(Problem.MEDIA_TYPE, problemMedia(
                            answer == null ? null : answer.example()));
                }
            }
        });
    }

    private static boolean isError(String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }

    private static List<String> applying(String path, PathItem.HttpMethod method, Operation operation) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean input = operation.getRequestBody() != null || parameters.stream()
                .anyMatch(p -> p.getIn() == Parameter.In.PATH || p.getIn() == Parameter.In.QUERY);
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        boolean names = path.contains("{");
        boolean change = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD
                && method != PathItem.HttpMethod.OPTIONS;
        boolean ifMatch = parameters.stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()));
        List<String> statuses = new ArrayList<>();
        if (input) {
            statuses.add("400");
        }
        if (secured) {
            statuses.add("401");
            statuses.add("403");
        }
        if (names) {
            statuses.add("404");
        }
        if (change) {
            statuses.add("409");
        }
        if (ifMatch) {
            statuses.add("412");
        }
        if (ifMatch && method == PathItem.HttpMethod.PUT) {
            statuses.add("428");
        }
        statuses.add("500");
        statuses.add("503");
        return statuses;
    }

    private static Content problemContent(Map<String, Object> example) {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problemMedia(example));
    }

    private static MediaType problemMedia(Map<String, Object> example) {
        MediaType media = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ProblemSchema.REF));
        return example == null ? media : media.example(example);
    }
}
