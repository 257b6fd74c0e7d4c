package fi.yhdyspinta.notification;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import fi.yhdyspinta.notification.service.WebhookHostResolver;

/**
 * The test application's name resolution for webhook targets: the system resolver, plus names a test points at
 * addresses of its choice (as a DNS zone would), so that the SSRF guard is exercised on what a name resolves to.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestDns extends WebhookHostResolver {

    private static final Map<String, InetAddress> ZONE = new ConcurrentHashMap<>();

    static void point(String name, String address) {
        try {
            ZONE.put(name, InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        InetAddress pointed = ZONE.get(host);
        return pointed != null ? List.of(pointed) : super.resolve(host);
    }
}
