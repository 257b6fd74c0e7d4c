package fi.yhdyspinta.referral.domain;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Languages a service is given in: the national languages, English and northern Sami (pohjoissaame). */
public enum ServiceLanguage {
    FI("fi"),
    SV("sv"),
    EN("en"),
    SE("se");

    private final String code;

    ServiceLanguage(String code) {
        this.code = code;
    }

    /** ISO 639-1 code, as it appears in JSON. */
    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<ServiceLanguage> ofCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }
}
