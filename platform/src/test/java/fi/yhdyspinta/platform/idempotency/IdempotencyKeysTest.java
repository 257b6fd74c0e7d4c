package fi.yhdyspinta.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import fi.yhdyspinta.platform.problem.ProblemException;
import fi.yhdyspinta.platform.problem.ProblemType;
import fi.yhdyspinta.platform.security.Caller;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Which keys are acceptable, whose they are, and when two requests are "the same request". */
class IdempotencyKeysTest {

    record Body(String client, String urgency, List<String> dataCategories) {
    }

    private final Idempotency idempotency = new Idempotency(new ObjectMapper(), Duration.ofHours(24));

    @ParameterizedTest
    @ValueSource(strings = { "a", "9b2f0c7e-5d1a-4c3e-8f6a-2b1d0e9c8a7f", "retry 1 of need/2026-11-25", "~!@#$%^&*()" })
    void printableAsciiKeysAreAccepted(String key) {
        assertThat(IdempotencyKeys.problemWith(key)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "avain\u00E4", "key\u0000", "key\n", "\uFF10" })
    void otherKeysAre400NamingTheHeader(String key) {
        assertThat(IdempotencyKeys.problemWith(key)).contains("must be 1-255 printable ASCII characters");
        assertThatThrownBy(() -> IdempotencyKeys.require(key)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.type()).isEqualTo(ProblemType.VALIDATION);
            assertThat(e.errors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("Idempotency-Key"));
        });
    }

    @Test
    void atMost255Characters() {
        assertThat(IdempotencyKeys.problemWith("k".repeat(255))).isEmpty();
        assertThat(IdempotencyKeys.problemWith("k".repeat(256))).isPresent();
    }

    @Test
    void keysBelongToTheOrganisationOrElseToThePerson() {
        Caller nurse = new Caller("nurse-1", Optional.of("1.2.246.10.2345678.10.1"), Optional.empty(),
                Set.of("health-professional"), Optional.empty());
        Caller client = new Caller("client-7", Optional.empty(), Optional.empty(), Set.of("client"), Optional.empty());
        assertThat(IdempotencyKeys.ownerOf(nurse)).isEqualTo("org:1.2.246.10.2345678.10.1");
        assertThat(IdempotencyKeys.ownerOf(client)).isEqualTo("sub:client-7");
    }

    @Test
    void theKeyIsStoredOnlyAsItsHash() {
        assertThat(IdempotencyKeys.keyHash("131052-9085")).matches("[0-9a-f]{64}").doesNotContain("131052");
    }

    @Test
    void theSameRequestHasOneFingerprintWhateverTheFieldOrderOrSpacing() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Body one = mapper.readValue("{\"client\":\"131052-9085\",\"urgency\":\"ROUTINE\",\"dataCategories\":[\"A\",\"B\"]}",
                Body.class);
        Body two = mapper.readValue("{ \"dataCategories\" : [\"A\",\"B\"], \"urgency\":\"ROUTINE\", \"client\":\"131052-9085\" }",
                Body.class);
        assertThat(fingerprint("POST", "/needs", one)).isEqualTo(fingerprint("POST", "/needs", two));
    }

    @Test
    void anotherBodyPathOrMethodIsAnotherRequest() {
        Body body = new Body("131052-9085", "ROUTINE", List.of("A", "B"));
        String original = fingerprint("POST", "/needs", body);
        assertThat(fingerprint("POST", "/needs", new Body("131052-9085", "URGENT", List.of("A", "B")))).isNotEqualTo(original);
        assertThat(fingerprint("POST", "/needs", new Body("131052-9085", "ROUTINE", List.of("B", "A")))).isNotEqualTo(original);
        assertThat(fingerprint("POST", "/consents", body)).isNotEqualTo(original);
        assertThat(fingerprint("PUT", "/needs", body)).isNotEqualTo(original);
    }

    @Property(tries = 500)
    void differentBodiesNeverShareAFingerprint(@ForAll("bodies") Body a, @ForAll("bodies") Body b) {
        if (!a.equals(b)) {
            assertThat(fingerprint("POST", "/needs", a)).isNotEqualTo(fingerprint("POST", "/needs", b));
        } else {
            assertThat(fingerprint("POST", "/needs", a)).isEqualTo(fingerprint("POST", "/needs", b));
        }
    }

    @Provide
    Arbitrary<Body> bodies() {
        Arbitrary<String> text = Arbitraries.strings().withChars("ab\"\\,:{}[] ").ofMaxLength(4).injectNull(0.2);
        return net.jqwik.api.Combinators.combine(text, text, text.list().ofMaxSize(3).injectNull(0.2)).as(Body::new);
    }

    private String fingerprint(String method, String path, Object body) {
        return IdempotencyKeys.fingerprint(method, path, idempotency.canonicalJson(body));
    }
}
