package fi.yhdyspinta.platform.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import fi.yhdyspinta.platform.problem.ProblemException;

/**
 * The topics this service consumes that have a dead-letter topic, and that topic: from the incoming
 * channels whose {@code failure-strategy} is {@code dead-letter-queue} ({@code mp.messaging.incoming.<channel>.topic}
 * and {@code .dead-letter-queue.topic}), plus any named in {@code yhdyspinta.ops.dead-letter-topics}
 * (dead letters in {@code <topic>.dlq}).
 */
@ApplicationScoped
public class DeadLetterTopics {

    static final String EXPLICIT = "yhdyspinta.ops.dead-letter-topics";

    private static final Pattern FAILURE_STRATEGY = Pattern.compile("^mp\\.messaging\\.incoming\\.([^.\"]+)\\.failure-strategy$");
    private static final String DEAD_LETTER_QUEUE = "dead-letter-queue";

    /** Topic → its dead-letter topic, in name order. */
    private final Map<String, String> deadLetterTopics;

    @Inject
    public DeadLetterTopics(Config config) {
        this(of(config.getPropertyNames(), name -> config.getOptionalValue(name, String.class),
                config.getOptionalValues(EXPLICIT, String.class).orElse(List.of())));
    }

    DeadLetterTopics(Map<String, String> deadLetterTopics) {
        this.deadLetterTopics = new TreeMap<>(deadLetterTopics);
    }

    static Map<String, String> of(Iterable<String> names, Function<String, Optional<String>> value, List<String> explicit) {
        Map<String, String> topics = new TreeMap<>();
        for (String name : names) {
            Matcher channel = FAILURE_STRATEGY.matcher(name);
            if (channel.matches() && value.apply(name).map(String::trim).filter(DEAD_LETTER_QUEUE::equals).isPresent()) {
                String prefix = "mp.messaging.incoming." + channel.group(1) + ".";
                String topic = value.apply(prefix + "topic").map(String::trim).orElse(channel.group(1));
                String deadLetters = value.apply(prefix + "dead-letter-queue.topic").map(String::trim)
                        .orElse("dead-letter-topic-" + channel.group(1)); // the connector's default
                topics.put(topic, deadLetters);
            }
        }
        for (String topic : explicit) {
            if (!topic.isBlank()) {
                topics.putIfAbsent(topic.trim(), topic.trim() + ".dlq");
            }
        }
        return topics;
    }

    /** The consumed topics that have dead letters, in name order. */
    public List<String> topics() {
        return new ArrayList<>(deadLetterTopics.keySet());
    }

    /** The dead-letter topic of {@code topic}; a topic this service does not consume is a 400 naming {@code field}. */
    public String deadLetterTopicOf(String topic, String field) {
        String deadLetters = topic == null ? null : deadLetterTopics.get(topic);
        if (deadLetters == null) {
            throw ProblemException.invalidField(field, deadLetterTopics.isEmpty()
                    ? "this service consumes no topic with dead letters"
                    : "must be one of " + deadLetterTopics.keySet());
        }
        return deadLetters;
    }
}
