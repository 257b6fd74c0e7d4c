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
        assertThat(Henkilotunnus.problemWith("010190G900P")).contains("unknown century sign");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "010190-900", "010190-900PP", "0101X0-900P", "010190-90XP" })
    void malformedCodesAreRejected(String candidate) {
        assertThat(Henkilotunnus.isValid(candidate)).isFalse();
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
        assertThat(county.clientIdOf(hetu)).isEqualTo(county.clientIdOf(Henkilotunnus.parse("010190-900p")));
        assertThat(county.clientIdOf(hetu).value()).matches("[0-9a-f]{64}").doesNotContain("010190");
        assertThat(county.clientIdOf(hetu)).isNotEqualTo(other.clientIdOf(hetu));
        assertThat(county.clientIdOf(hetu)).isNotEqualTo(county.clientIdOf(Henkilotunnus.parse("131052-9085")));
    }
}
