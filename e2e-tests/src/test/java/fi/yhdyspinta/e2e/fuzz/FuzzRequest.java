package fi.yhdyspinta.e2e.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One generated request: the operation, who calls, its parameter values and body, what was spoiled
 * (if anything), and what the answer must be. Printed masked: jqwik shows it on failure.
 */
public record FuzzRequest(ApiOperation operation, String mutation, Caller caller, Map<String, ParamValue> path,
        Map<String, ParamValue> query, Map<String, String> headers, Body body, Expectation expectation,
        List<String> henkilotunnukset) {

    public FuzzRequest withCaller(Caller other, Expectation expected) {
        return new FuzzRequest(operation, mutation, other, path, query, headers, body, expected, henkilotunnukset);
    }

    /** The target of the URL: the path with its parameters and the query, as sent (with no pool: for showing). */
    public String target(IdPool pool) {
        String target = operation.path();
        for (Map.Entry<String, ParamValue> p : path.entrySet()) {
            target = target.replace("{" + p.getKey() + "}", p.getValue().encoded(pool));
        }
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, ParamValue> q : this.query.entrySet()) {
            query.append(query.isEmpty() ? "?" : "&").append(ParamValue.encode(q.getKey())).append('=')
                    .append(q.getValue().encoded(pool));
        }
        return target + query;
    }

    /** Every henkilötunnus (valid or spoiled) the request carries, for masking and the no-echo rule. */
    public List<String> sensitive() {
        List<String> values = new ArrayList<>(henkilotunnukset);
        if (caller.user() != null && caller.user().hetu() != null) {
            values.add(caller.user().hetu());
        }
        return values;
    }

    /** The request for a report, henkilötunnukset masked; {@code target} as sent. */
    public String describe(String target) {
        List<String> hide = sensitive();
        StringBuilder out = new StringBuilder();
        out.append(operation.method()).append(' ').append(Masking.mask(target, hide, 600))
                .append("  [").append(operation.service()).append("]\n");
        out.append("  as:        ").append(caller).append('\n');
        out.append("  spoiled:   ").append(Masking.mask(mutation, hide, 300)).append('\n');
        if (!headers.isEmpty()) {
            out.append("  headers:   ").append(Masking.mask(headers.toString(), hide, 300)).append('\n');
        }
        if (body != null) {
            out.append("  body:      ").append(body.contentType()).append(", ").append(body.bytes().length)
                    .append(" bytes: ").append(Masking.mask(body.text(), hide, 700)).append('\n');
        }
        out.append("  expected:  ").append(expectation);
        return out.toString();
    }

    @Override
    public String toString() {
        return describe(target(null));
    }
}
