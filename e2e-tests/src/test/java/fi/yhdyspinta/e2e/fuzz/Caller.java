package fi.yhdyspinta.e2e.fuzz;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/** Who sends a request: a demo user with a real signed token, or someone with no, a forged or another application's token. */
public record Caller(String label, TestUser user, Token token) {

    public enum Token {
        VALID, NONE, FORGED, OTHER_AUDIENCE
    }

    /**
     * The fuzzer's own client (asiakas): not {@link TestUsers#CLIENT}, whose henkilötunnus the referral
     * flow uses — a prohibition fuzzed in through {@code /me} must not block that flow.
     */
    public static final TestUser FUZZ_CLIENT = new TestUser("fuzzclient", null, null, Set.of("client"),
            Henkilotunnukset.of(LocalDate.of(1966, 7, 17), 987, 0));

    public static final List<TestUser> USERS = List.of(TestUsers.NURSE, TestUsers.DOCTOR, TestUsers.SOCIAL_WORKER,
            TestUsers.NGO_WORKER, TestUsers.UNIT_LEAD, TestUsers.HOSPITAL_NURSE, TestUsers.CHILD_WELFARE_WORKER,
            TestUsers.ADMIN, FUZZ_CLIENT, TestUsers.OPS, TestUsers.ARCHIVE);

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    public static Caller as(TestUser user) {
        return new Caller(user.sub() + user.roles(), user, Token.VALID);
    }

    public static Caller anonymous() {
        return new Caller("no token", null, Token.NONE);
    }

    public static Caller forged(TestUser user) {
        return new Caller(user.sub() + " with a token signed by another key", user, Token.FORGED);
    }

    public static Caller otherAudience(TestUser user) {
        return new Caller(user.sub() + " with a token for another application", user, Token.OTHER_AUDIENCE);
    }

    /** Users a role of the operation allows (every user when it names no role). */
    public static List<TestUser> allowed(ApiOperation operation) {
        if (operation.roles().isEmpty()) {
            return USERS;
        }
        return USERS.stream().filter(u -> intersects(u.roles(), operation.roles())).toList();
    }

    /** Users none of whose roles the operation allows. */
    public static List<TestUser> refused(ApiOperation operation) {
        if (!operation.secured() || operation.roles().isEmpty()) {
            return List.of();
        }
        return USERS.stream().filter(u -> !intersects(u.roles(), operation.roles())).toList();
    }

    private static boolean intersects(Collection<String> a, Collection<String> b) {
        return a.stream().anyMatch(b::contains);
    }

    public boolean isRegistrar() {
        return user != null && user.roles().contains("admin");
    }

    /** The Authorization header value, or null. */
    public String authorization() {
        return switch (token) {
            case NONE -> null;
            case VALID -> "Bearer " + TestInfrastructure.tokenFor(user);
            case FORGED -> "Bearer " + TOKENS.computeIfAbsent("forged:" + user.sub(),
                    k -> TestInfrastructure.get().oidc().forgedToken(user));
            case OTHER_AUDIENCE -> "Bearer " + TOKENS.computeIfAbsent("aud:" + user.sub(),
                    k -> TestInfrastructure.get().oidc().token(user, "another-application"));
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
