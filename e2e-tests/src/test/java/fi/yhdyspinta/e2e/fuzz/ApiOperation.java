package fi.yhdyspinta.e2e.fuzz;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One operation of a service's OpenAPI document: who may call it (the roles of its security
 * requirement), its parameters and its request body schema (resolved; null when it takes none).
 */
public record ApiOperation(String service, String baseUri, String method, String path, boolean secured,
        Set<String> roles, List<ApiParameter> parameters, JsonNode body, boolean bodyRequired,
        Set<String> serverOwned) {

    public List<ApiParameter> parameters(String in) {
        return parameters.stream().filter(p -> p.in().equals(in)).toList();
    }

    public boolean hasBody() {
        return body != null;
    }

    public boolean changesState() {
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }

    @Override
    public String toString() {
        return method + " " + path + " (" + service + ")";
    }
}
