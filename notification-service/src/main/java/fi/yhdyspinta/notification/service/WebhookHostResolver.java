package fi.yhdyspinta.notification.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** Resolves a webhook target's host name to its addresses (the system resolver; blocking). */
@ApplicationScoped
public class WebhookHostResolver {

    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }
}
