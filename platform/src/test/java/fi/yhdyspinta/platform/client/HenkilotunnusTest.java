package fi.yhdyspinta.platform.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HenkilotunnusTest {

    @ParameterizedTest
    @CsvSource({
            "010190-900P, 1990-01-01",
            "131052-9085, 1952-10-13",
            "150615A901E, 2015-06-15",
            "010101Y903U, 1901-01-01",
            "290200A900B, 2000-02-29" })
    void validTestIdentitiesParseWithTheirBirthDate(String hetu, LocalDate born) {
        Henkilotunnus parsed = Henkilotunnus.parse(hetu);
        assertThat(parsed.birthDate()).isEqualTo(born);
        assertThat(parsed.isTestIdentity()).isTrue();
    }

    @Test
    void checkCharacterMustMatch() {
        assertThatThrownBy(() -> Henkilotunnus.parse("010190-900A")).hasMessageContaining("check character");
    }

    @Test
    void dateMustExist() {
        assertThat(Henkilotunnus.problemWith("290201A900N")).contains("date of birth does not exist");
        assertThat(Henkilotunnus.problemWith("320190-900P")).contains("date of birth does not exist");
    }

    @Test
    void centurySignMustBeKnown() {
        assertThat(Henkilotunnus.problemWith("010190G900P"))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("unknown century sign"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "010190-900", "010190-900PP", "0101X0-900P", "010190-90XP" })
    void malformedCodesAreRejected(String candidate) {
        assertThat(Henkilotunnus.isValid(candidate)).isFalse();
    }

    @Test
    void lowerCaseIsRejectedSoThatACodeHasOneSpellingOnly() {
        assertThat(Henkilotunnus.problemWith("010190-900p")).contains("letters must be upper-case");
        assertThat(Henkilotunnus.problemWith("150615a901E")).contains("letters must be upper-case");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\u0660\u0661\u0660\u0661\u0669\u0660-900P", // Arabic-Indic digits: Character.isDigit says yes
            "\uFF10\uFF11\uFF10\uFF11\uFF19\uFF10-900P", // full-width digits
            "010190-900\u00DF", // ß: upper-cases to "SS", which once gave a 500
            "010190\u2010900P", // a hyphen that is not ASCII
            "010190-\u0669\u0660\u0660P" })
    void nonAsciiCharactersAreRejected(String candidate) {
        assertThat(Henkilotunnus.problemWith(candidate)).contains("must contain printable ASCII characters only");
    }

    @ParameterizedTest
    @CsvSource({
            "010190Y900P, 1990-01-01", "010190X900P, 1990-01-01", "010190W900P, 1990-01-01",
            "010190V900P, 1990-01-01", "010190U900P, 1990-01-01",
            "150615B901E, 2015-06-15", "150615C901E, 2015-06-15", "150615D901E, 2015-06-15",
            "150615E901E, 2015-06-15", "150615F901E, 2015-06-15",
            "010150+900C, 1850-01-01" })
    void everyCenturySignOfThe2023ReformIsAccepted(String hetu, LocalDate born) {
        assertThat(Henkilotunnus.parse(hetu).birthDate()).isEqualTo(born);
    }

    @Test
    void the29thOfFebruaryExistsOnlyInLeapYears() {
        assertThat(Henkilotunnus.isValid(HenkilotunnusCodes.of("290200", 'A', 900))).isTrue(); // 2000
        assertThat(Henkilotunnus.problemWith(HenkilotunnusCodes.of("290200", '-', 900)))
                .contains("date of birth does not exist"); // 1900 was not a leap year
        assertThat(Henkilotunnus.isValid(HenkilotunnusCodes.of("290296", '-', 900))).isTrue(); // 1996
        assertThat(Henkilotunnus.problemWith(HenkilotunnusCodes.of("290297", '-', 900)))
                .contains("date of birth does not exist");
        assertThat(Henkilotunnus.isValid(HenkilotunnusCodes.of("290204", 'B', 900))).isTrue(); // 2004
    }

    @Test
    void individualNumberMustBe002To999() {
        assertThat(Henkilotunnus.problemWith(HenkilotunnusCodes.of("010190", '-', 1)))
                .contains("individual number must be 002-999");
        assertThat(Henkilotunnus.problemWith(HenkilotunnusCodes.of("010190", '-', 0)))
                .contains("individual number must be 002-999");
        assertThat(Henkilotunnus.isValid(HenkilotunnusCodes.of("010190", '-', 2))).isTrue();
    }

    @Test
    void reasonsAndToStringNeverRepeatTheCode() {
        assertThat(Henkilotunnus.problemWith("010190-900A").orElseThrow()).doesNotContain("010190");
        assertThat(Henkilotunnus.parse("010190-900P").toString()).doesNotContain("010190");
    }

    @Test
    void pseudonymIsStablePerCountyKeyAndDiffersBetweenKeysAndPeople() {
        ClientIdPseudonymiser county = new ClientIdPseudonymiser("lapin-hyvinvointialue-avain-0123456789");
        ClientIdPseudonymiser other = new ClientIdPseudonymiser("toinen-hyvinvointialue-avain-01234567");
        Henkilotunnus hetu = Henkilotunnus.parse("010190-900P");
        assertThat(county.clientIdOf(hetu)).isEqualTo(county.clientIdOf(Henkilotunnus.parse("010190-900P")));
        assertThat(county.clientIdOf(hetu).value()).matches("[0-9a-f]{64}").doesNotContain("010190");
        assertThat(county.clientIdOf(hetu)).isNotEqualTo(other.clientIdOf(hetu));
        assertThat(county.clientIdOf(hetu)).isNotEqualTo(county.clientIdOf(Henkilotunnus.parse("131052-9085")));
    }
}
