package fi.yhdyspinta.ops.web;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

/**
 * The page language (kieli): Finnish or English, from the switch ({@code ?lang=fi|en}, kept in a cookie), else
 * the browser's Accept-Language, else Finnish.
 */
public final class Language {

    public static final String PARAMETER = "lang";
    public static final String COOKIE = "ops-lang";
    static final List<String> SUPPORTED = List.of("fi", "en");

    private Language() {
    }

    public static Locale of(UriInfo uri, HttpHeaders headers) {
        String asked = uri.getQueryParameters().getFirst(PARAMETER);
        if (asked != null && SUPPORTED.contains(asked)) {
            return Locale.forLanguageTag(asked);
        }
        Cookie cookie = headers.getCookies().get(COOKIE);
        if (cookie != null && SUPPORTED.contains(cookie.getValue())) {
            return Locale.forLanguageTag(cookie.getValue());
        }
        for (Locale accepted : headers.getAcceptableLanguages()) {
            if (SUPPORTED.contains(accepted.getLanguage())) {
                return Locale.forLanguageTag(accepted.getLanguage());
            }
        }
        return Locale.forLanguageTag("fi");
    }
}
