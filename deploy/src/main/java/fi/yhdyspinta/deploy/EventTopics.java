package fi.yhdyspinta.deploy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import fi.yhdyspinta.events.Topic;

/**
 * Creates every topic of the AsyncAPI document — one per aggregate family — and its dead-letter topic
 * up front, {@value #PARTITIONS} partitions each, so that ops sees them all from the start and no
 * consumer waits for a topic to appear on first use. Topics of an older layout (one per event type)
 * that a kept broker still holds are left alone; nothing produces to them any more.
 */
final class EventTopics {

    static final int PARTITIONS = 3;

    private EventTopics() {
    }

    static List<String> names() {
        return Arrays.stream(Topic.values())
                .flatMap(topic -> Stream.of(topic.topic(), topic.deadLetterTopic()))
                .toList();
    }

    /** Creates the topics that do not exist yet; answers how many were created. */
    static int ensure(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = names().stream().filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, PARTITIONS, (short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            return missing.size();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the event topics on " + bootstrapServers, e);
        }
    }
}
