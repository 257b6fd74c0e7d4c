package fi.yhdyspinta.ops.web;

import java.util.List;

import fi.yhdyspinta.ops.events.EventFilter;
import fi.yhdyspinta.ops.events.EventSummary;
import fi.yhdyspinta.ops.lag.ConsumerLag;
import fi.yhdyspinta.ops.services.DeadLetter;
import fi.yhdyspinta.ops.services.ServiceBacklog;
import fi.yhdyspinta.ops.services.ServiceHealth;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The console's pages (templates/*.html), checked at build time. */
@CheckedTemplate
public class Pages {

    public static native TemplateInstance events(List<String> topics, EventFilter filter, List<EventSummary> recent);

    public static native TemplateInstance timeline(String correlationId, List<EventSummary> events);

    public static native TemplateInstance lag(List<ConsumerLag> lags, List<ServiceBacklog> backlogs);

    public static native TemplateInstance deadLetters(List<DeadLetter> letters, Integer answered);

    public static native TemplateInstance confirm(String service, String topic, Integer partition, Long offset);

    public static native TemplateInstance health(int brokers, List<ServiceHealth> services);

    public static native TemplateInstance forbidden();
}
