package fi.yhdyspinta.platform.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.LocalDate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.time.api.Dates;

/**
 * The henkilötunnus is hashed into the client id, so its parser must give one person one spelling:
 * whatever is accepted is already canonical, nothing non-ASCII gets in, and nothing but a client error
 * ever comes out.
 */
class HenkilotunnusPropertiesTest {

    private static final String CENTURY_SIGNS_1800 = "+";
    private static final String CENTURY_SIGNS_1900 = "-YXWVU";
    private static final String CENTURY_SIGNS_2000 = "ABCDEF";

    @Property(tries = 2000)
    void everyAcceptedCodeHasExactlyOneCanonicalFormAndRoundTrips(@ForAll("validCodes") String code) {
        Henkilotunnus parsed = Henkilotunnus.parse(code);
        assertThat(parsed.value()).isEqualTo(code);
        assertThat(Henkilotunnus.parse(parsed.value())).isEqualTo(parsed);
        // the only other spelling one might try, lower case, is refused rather than mapped to another id
        String lower = code.toLowerCase();
        if (!lower.equals(code)) {
            assertThat(Henkilotunnus.isValid(lower)).isFalse();
        }
    }

    @Property(tries = 2000)
    void anyStringThatIsAcceptedIsItsOwnCanonicalForm(@ForAll("nearlyValidCodes") String candidate) {
        if (Henkilotunnus.isValid(candidate)) {
            assertThat(Henkilotunnus.parse(candidate).value()).isEqualTo(candidate);
        }
    }

    @Property(tries = 2000)
    void anyNonAsciiCharacterIsRejectedWithoutException(@ForAll("validCodes") String code,
            @ForAll @IntRange(min = 0, max = 10) int position, @ForAll("nonAscii") char intruder) {
        String candidate = code.substring(0, position) + intruder + code.substring(position + 1);
        assertThatCode(() -> Henkilotunnus.problemWith(candidate)).doesNotThrowAnyException();
        assertThat(Henkilotunnus.problemWith(candidate)).contains("must contain printable ASCII characters only");
    }

    @Property(tries = 5000)
    void randomStringsNeverThrowAnythingButIllegalArgumentException(@ForAll("anyStrings") String candidate) {
        try {
            Henkilotunnus parsed = Henkilotunnus.parse(candidate);
            assertThat(parsed.value()).isEqualTo(candidate);
        } catch (IllegalArgumentException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            if (candidate.length() >= 6) {
                assertThat(expected.getMessage()).doesNotContain(candidate);
            }
        }
    }

    @Provide
    Arbitrary<String> validCodes() {
        Arbitrary<LocalDate> born = Dates.dates().between(LocalDate.of(1800, 1, 1), LocalDate.of(2099, 12, 31));
        Arbitrary<Integer> individual = Arbitraries.integers().between(2, 999);
        Arbitrary<Integer> signChoice = Arbitraries.integers().between(0, 5);
        return Combinators.combine(born, individual, signChoice).as((date, zzz, choice) -> {
            String signs = date.getYear() < 1900 ? CENTURY_SIGNS_1800
                    : date.getYear() < 2000 ? CENTURY_SIGNS_1900 : CENTURY_SIGNS_2000;
            char sign = signs.charAt(choice % signs.length());
            String ddmmyy = String.format("%02d%02d%02d", date.getDayOfMonth(), date.getMonthValue(),
                    date.getYear() % 100);
            return HenkilotunnusCodes.of(ddmmyy, sign, zzz);
        });
    }

    /** Valid codes with one character replaced by a printable ASCII one: mostly invalid, sometimes not. */
    @Provide
    Arbitrary<String> nearlyValidCodes() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 10);
        Arbitrary<Character> replacement = Arbitraries.chars().range(' ', '~');
        return Combinators.combine(validCodes(), position, replacement)
                .as((code, at, c) -> code.substring(0, at) + c + code.substring(at + 1));
    }

    /** Non-ASCII digits, letters that change length when upper-cased, look-alike dashes, surrogates, controls. */
    @Provide
    Arbitrary<Character> nonAscii() {
        return Arbitraries.oneOf(
                Arbitraries.of('\u0660', '\u0669', '\u06F0', '\u0966', '\uFF10', '\uFF19', '\u00DF', '\uFB00',
                        '\u0131', '\u2010', '\u2011', '\u2212', '\u00AD', '\u00A0', '\uD83D', '\u0000', '\u007F',
                        '\u001F'),
                Arbitraries.chars().range('\u0080', '\uFFFF'));
    }

    @Provide
    Arbitrary<String> anyStrings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMinLength(0).ofMaxLength(30),
                Arbitraries.strings().withChars("0123456789+-ABCDEFUVWXYabcdefß\u0660\uFF10").ofLength(11),
                nearlyValidCodes());
    }
}
