package fi.yhdyspinta.platform.security;

import java.util.Arrays;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import fi.yhdyspinta.events.code.Sector;
import io.quarkus.security.identity.SecurityIdentity;

/** The {@link Caller} of the current request, from the verified bearer token. */
@ApplicationScoped
public class CurrentCaller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public CurrentCaller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public Caller get() {
        Optional<String> org = claim("org");
        Optional<Sector> sector = claim("sector").flatMap(CurrentCaller::sectorOf);
        String subject = identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
        return new Caller(subject, org, sector, identity.getRoles(), claim("hetu"));
    }

    private Optional<String> claim(String name) {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        Object value = token.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof jakarta.json.JsonString s ? s.getString() : value.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    private static Optional<Sector> sectorOf(String value) {
        return Arrays.stream(Sector.values()).filter(s -> s.name().equals(value)).findFirst();
    }
}
