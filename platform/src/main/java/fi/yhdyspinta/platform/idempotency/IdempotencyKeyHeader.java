package fi.yhdyspinta.platform.idempotency;

import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A sent {@code Idempotency-Key} header must be one acceptable key: an empty one (which the REST
 * layer would hand a resource as absent), one of over 255 or non-printable characters, or the header
 * twice, is 400 naming the header — on every resource, before anything runs.
 */
public class IdempotencyKeyHeader {

    @ServerRequestFilter
    public void check(ContainerRequestContext request) {
        List<String> values = request.getHeaders().get(IdempotencyKeys.HEADER);
        if (values == null || values.isEmpty()) {
            return;
        }
        if (values.size() > 1) {
            throw IdempotencyKeys.invalid("must be sent once");
        }
        IdempotencyKeys.require(values.get(0) == null ? "" : values.get(0));
    }
}
