package fi.yhdyspinta.notification.service;

import java.util.List;

/** A unit lead subscribes the own organisation's URL to these CloudEvents types. */
public record SubscribeWebhook(String url, List<String> eventTypes) {
}
