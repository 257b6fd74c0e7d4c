package fi.yhdyspinta.ops.services;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One sample of the Prometheus text format: {@code name{label="value",…} number}. */
public record MetricSample(String name, Map<String, String> labels, double value) {

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})?\\s+(\\S+).*$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** Every sample of a {@code /q/metrics} answer; comments and lines that do not parse are left out. */
    public static List<MetricSample> parse(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().filter(line -> !line.startsWith("#")).map(LINE::matcher).filter(Matcher::matches)
                .map(m -> new MetricSample(m.group(1), labels(m.group(2)), number(m.group(3))))
                .filter(sample -> !Double.isNaN(sample.value())).toList();
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text != null) {
            Matcher m = LABEL.matcher(text);
            while (m.find()) {
                labels.put(m.group(1), m.group(2));
            }
        }
        return labels;
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
