package fi.yhdyspinta.ops.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The console's labels in English; Finnish in {@code messages/msg_fi.properties}. */
@MessageBundle(value = "msg", locale = "en")
public interface Msg {

    @Message("Yhdyspinta ops console")
    String title();

    @Message("Live events")
    String navEvents();

    @Message("Lag and queues")
    String navLag();

    @Message("Dead letters")
    String navDeadLetters();

    @Message("Health")
    String navHealth();

    @Message("Time")
    String time();

    @Message("Topic")
    String topic();

    @Message("Type")
    String type();

    @Message("Subject")
    String subject();

    @Message("Correlation id")
    String correlation();

    @Message("Causation id")
    String causation();

    @Message("Producer")
    String producer();

    @Message("All topics")
    String allTopics();

    @Message("Filter")
    String filter();

    @Message("Events arrive here as services publish them; ids, codes and states only.")
    String liveHint();

    @Message("Timeline of correlation id")
    String timelineOf();

    @Message("The whole story across services, oldest first; new events are added as they arrive.")
    String timelineHint();

    @Message("Consumer lag per group and partition")
    String lagTitle();

    @Message("Group")
    String group();

    @Message("Partition")
    String partition();

    @Message("Committed")
    String committed();

    @Message("End")
    String end();

    @Message("Lag")
    String lag();

    @Message("Outbox and inbox per service")
    String queuesTitle();

    @Message("Service")
    String service();

    @Message("Outbox backlog")
    String outboxPending();

    @Message("Quarantined rows")
    String quarantinedRows();

    @Message("Inbox outcomes (topic: outcome = events)")
    String inboxOutcomes();

    @Message("Dead letters per topic")
    String deadLettersTitle();

    @Message("Offset")
    String offset();

    @Message("Reason")
    String reason();

    @Message("Re-driven")
    String redriven();

    @Message("Re-drive")
    String redrive();

    @Message("Re-drive all of the topic")
    String redriveAll();

    @Message("No dead letters.")
    String noDeadLetters();

    @Message("Confirm the re-drive")
    String confirmTitle();

    @Message("The dead letter is published again to its topic, once. The consuming service handles it again.")
    String confirmOne();

    @Message("Every dead letter of the topic that was not re-driven yet is published again to the topic.")
    String confirmAll();

    @Message("Yes, re-drive")
    String confirmYes();

    @Message("Cancel")
    String cancel();

    @Message("The service answered {status}.")
    String answered(int status);

    @Message("Health of services, broker and database")
    String healthTitle();

    @Message("Status")
    String status();

    @Message("Database")
    String database();

    @Message("Audit chain")
    String auditChain();

    @Message("Archive backlog / overdue")
    String archive();

    @Message("Broker")
    String broker();

    @Message("brokers answering")
    String brokersAnswering();

    @Message("not answering")
    String notAnswering();

    @Message("Checks")
    String checks();

    @Message("Access denied")
    String forbiddenTitle();

    @Message("The ops console is for the role ops only.")
    String forbidden();
}
