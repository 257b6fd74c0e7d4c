package fi.yhdyspinta.platform.ops;

import java.util.List;

/** What a re-drive of a topic's dead letters did: the letters published again to the topic. */
public record RedriveReport(String topic, int redriven, List<DeadLetterView> letters) {
}
