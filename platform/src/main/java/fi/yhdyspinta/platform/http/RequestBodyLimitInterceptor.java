package fi.yhdyspinta.platform.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * Reads a request body up to one byte past the limit before the REST layer parses it, so that a body
 * sent without {@code Content-Length} (chunked) is refused with 413 problem+json as well. At most
 * limit + 1 bytes are held; the refusal comes from here, not from inside the JSON parser.
 */
@Provider
public class RequestBodyLimitInterceptor implements ReaderInterceptor {

    private final RequestBodyLimit limit;

    public RequestBodyLimitInterceptor(RequestBodyLimit limit) {
        this.limit = limit;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException, WebApplicationException {
        int max = (int) Math.min(limit.limit(), Integer.MAX_VALUE - 16);
        byte[] body = context.getInputStream().readNBytes(max + 1);
        if (body.length > max) {
            throw RequestBodyLimit.tooLargeException(max);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
