package fi.yhdyspinta.ops.lag;

/** How far one consumer group is behind on one partition: the end offset minus the group's committed offset. */
public record ConsumerLag(String group, String topic, int partition, long committed, long end) {

    public long lag() {
        return Math.max(0, end - committed);
    }
}
