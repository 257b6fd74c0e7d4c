package fi.yhdyspinta.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Set;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Organisation OIDs are checked by a scan: bounded length and arcs, and no input can make it recurse. */
class OrganisationOidsTest {

    /** The rule as a regular expression, usable as a reference on short inputs only. */
    private static final Pattern REFERENCE = Pattern.compile("^1\\.2\\.246\\.10(\\.(0|[1-9][0-9]*))+$");

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    record Recipient(@OrganisationOid String oid) {
    }

    @ParameterizedTest
    @ValueSource(strings = { "1.2.246.10.2345678.10.1", "1.2.246.10.8765432.1", "1.2.246.10.0", "1.2.246.10.1.0.3" })
    void registerOidsAreAccepted(String oid) {
        assertThat(OrganisationOids.problemWith(oid)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "1.2.246.10", "1.2.246.10.", "1.2.246.11.1", "2.2.246.10.1", "1.2.246.10..1",
            "1.2.246.10.1.", "1.2.246.10.01", "1.2.246.10.1a", "1.2.246.10.-1", "1.2.246.10.\u0661",
            "1.2.246.10.\uFF11", " 1.2.246.10.1", "1.2.246.10.1 ", "Kittilän sosiaalipalvelut" })
    void anythingElseIsRefused(String oid) {
        assertThat(OrganisationOids.problemWith(oid)).isPresent();
    }

    @Test
    void atMost64CharactersAnd20Arcs() {
        String twentyArcs = "1.2.246.10" + ".1".repeat(16);
        assertThat(OrganisationOids.problemWith(twentyArcs)).isEmpty();
        assertThat(OrganisationOids.problemWith(twentyArcs + ".1")).contains("must have at most 20 arcs");
        String sixtyFour = "1.2.246.10." + "1".repeat(64 - 11);
        assertThat(sixtyFour).hasSize(64);
        assertThat(OrganisationOids.problemWith(sixtyFour)).isEmpty();
        assertThat(OrganisationOids.problemWith(sixtyFour + "1")).contains("must be at most 64 characters");
    }

    @Test
    void anOidWithThousandsOfArcsIsAViolationNotAStackOverflow() {
        String huge = "1.2.246.10" + ".1".repeat(200_000);
        assertThatCode(() -> OrganisationOids.problemWith(huge)).doesNotThrowAnyException();
        Set<ConstraintViolation<Recipient>> violations = VALIDATOR.validate(new Recipient(huge));
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.getPropertyPath().toString()).isEqualTo("oid");
            assertThat(v.getMessage()).contains("at most 64 characters").doesNotContain("1.1.1");
        });
    }

    @Test
    void beanValidationNamesWhatIsWrongAndLeavesNullToNotNull() {
        assertThat(VALIDATOR.validate(new Recipient(null))).isEmpty();
        assertThat(VALIDATOR.validate(new Recipient("1.2.246.10.2345678.20.1"))).isEmpty();
        assertThat(VALIDATOR.validate(new Recipient("1.2.246.10.007"))).singleElement()
                .satisfies(v -> assertThat(v.getMessage()).startsWith("must be an organisation OID under 1.2.246.10")
                        .contains("without leading zeros"));
    }

    @Property(tries = 3000)
    void theScanAgreesWithTheRuleOnShortInputs(@ForAll("oidLike") String candidate) {
        boolean expected = candidate.length() <= OrganisationOids.MAX_LENGTH
                && candidate.split("\\.", -1).length <= OrganisationOids.MAX_ARCS
                && REFERENCE.matcher(candidate).matches();
        assertThat(OrganisationOids.isValid(candidate)).as(candidate).isEqualTo(expected);
    }

    @Property(tries = 3000)
    void randomStringsNeverThrow(@ForAll("anyStrings") String candidate) {
        assertThatCode(() -> OrganisationOids.problemWith(candidate)).doesNotThrowAnyException();
        OrganisationOids.problemWith(candidate).ifPresent(problem -> assertThat(problem).isNotBlank());
    }

    @Provide
    Arbitrary<String> oidLike() {
        Arbitrary<String> tail = Arbitraries.strings().withChars("0123456789..a").ofMinLength(0).ofMaxLength(70);
        return Arbitraries.oneOf(tail.map(t -> "1.2.246.10." + t), tail.map(t -> "1.2.246.10" + t),
                tail.map(t -> "1.2.246." + t));
    }

    @Provide
    Arbitrary<String> anyStrings() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(100),
                Arbitraries.integers().between(0, 5000).map(n -> "1.2.246.10" + ".9".repeat(n)));
    }
}
