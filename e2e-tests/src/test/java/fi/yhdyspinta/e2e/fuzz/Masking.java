package fi.yhdyspinta.e2e.fuzz;

import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Text of requests and answers fit for a test report: henkilötunnukset masked (ASCII digits as
 * {@code #}, so a non-ASCII digit still shows), unprintable and unusual characters escaped, long
 * runs and long texts shortened.
 */
public final class Masking {

    private Masking() {
    }

    public static String mask(String text, List<String> henkilotunnukset, int maxLength) {
        if (text == null) {
            return "";
        }
        String masked = text;
        List<String> sorted = henkilotunnukset.stream().filter(h -> h.length() >= 4)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String hetu : sorted) {
            masked = masked.replace(hetu, hide(hetu));
            String escaped = jsonEscaped(hetu);
            if (!escaped.equals(hetu)) {
                masked = masked.replace(escaped, hide(escaped));
            }
        }
        return shorten(escape(masked), maxLength);
    }

    private static String hide(String hetu) {
        return hetu.replaceAll("[0-9]", "#");
    }

    private static String jsonEscaped(String text) {
        try {
            String json = Schemas.JSON.writeValueAsString(text);
            return json.substring(1, json.length() - 1);
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if ((cp >= 0x20 && cp < 0x7f) || "äöåÄÖÅ".indexOf(cp) >= 0) {
                out.appendCodePoint(cp);
            } else if (cp == '\n') {
                out.append("\\n");
            } else {
                out.append(String.format(cp > 0xffff ? "\\u{%X}" : "\\u%04X", cp));
            }
        });
        return out.toString();
    }

    /** Runs of one character over 16 as {@code a…(×10000)}, then the whole cut to about maxLength. */
    private static String shorten(String text, int maxLength) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int j = i;
            while (j < text.length() && text.charAt(j) == text.charAt(i)) {
                j++;
            }
            if (j - i > 16) {
                out.append(text.charAt(i)).append("…(×").append(j - i).append(')');
            } else {
                out.append(text, i, j);
            }
            i = j;
        }
        if (out.length() > 20_000) {
            out.setLength(20_000);
        }
        // repeated short units ("1.1.1.1…", "[[[[") also collapse
        String collapsed = out.toString().replaceAll("((.{2,12}?)\\2{8,})", "⟪$2⟫×many");
        if (collapsed.length() > maxLength) {
            return collapsed.substring(0, maxLength) + "…(+" + (collapsed.length() - maxLength) + " chars)";
        }
        return collapsed;
    }
}
