package fi.yhdyspinta.notification.service;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.notification.config.NotificationConfig;
import fi.yhdyspinta.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * The SSRF guard of webhook targets (issue 13): only {@code https://} to public addresses, or {@code http://} to
 * loopback (127.0.0.0/8, ::1, localhost) when {@code yhdyspinta.notification.webhooks.allow-loopback} is on (dev,
 * test). Private ranges (10/8, 172.16/12, 192.168/16, 100.64/10), link-local (169.254/16, fe80::/10), unique local
 * (fc00::/7), the unspecified and multicast addresses are refused, and so is loopback when not allowed. Checked on
 * subscribe (the URL; a name that resolves then is checked too) and at every delivery on the addresses the name
 * resolves to then; the delivery connects to the address that was checked.
 */
@ApplicationScoped
public class WebhookTargets {

    private static final Pattern IPV4_LITERAL = Pattern.compile("^[0-9.]+$");
    private static final InetAddress UNSPECIFIED = unspecified();

    private final WebhookHostResolver resolver;
    private final boolean allowLoopback;

    private final Vertx vertx;

    public WebhookTargets(WebhookHostResolver resolver, NotificationConfig config, Vertx vertx) {
        this.resolver = resolver;
        this.allowLoopback = config.webhooks().allowLoopback();
        this.vertx = vertx;
    }

    /** {@link #checkOnSubscribe} off the event loop; answers on the caller's context. */
    public Uni<Target> checkedOnSubscribe(String url) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> checkOnSubscribe(url)), false);
    }

    /** {@link #addressForDelivery} off the event loop; a name that does not resolve is empty too. */
    public Uni<Optional<InetAddress>> addressedForDelivery(String url) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            try {
                return addressForDelivery(url);
            } catch (UnknownHostException e) {
                throw new UnresolvedHostException();
            }
        }), false);
    }

    /** The target's name does not resolve now (a retryable failure, unlike a refused address). */
    public static final class UnresolvedHostException extends RuntimeException {
        UnresolvedHostException() {
            super("UNKNOWN_HOST", null, false, false);
        }
    }

    /** A checked URL: scheme, host, port and path; not yet resolved. */
    public record Target(URI uri, boolean https, String host, int port, String pathAndQuery) {
    }

    /** The URL of a subscription, or a 400 naming {@code url} (blocking: may resolve the name). */
    public Target checkOnSubscribe(String url) {
        Target target = parse(url).orElseThrow(() -> invalid("must be an absolute http(s) URL without user info"));
        Optional<InetAddress> literal = literal(target.host());
        if (literal.isPresent()) {
            String refusal = refusal(target, List.of(literal.get()));
            if (refusal != null) {
                throw invalid(refusal);
            }
            return target;
        }
        if (isLocalhostName(target.host())) {
            String refusal = refusal(target, List.of(InetAddress.getLoopbackAddress()));
            if (refusal != null) {
                throw invalid(refusal);
            }
            return target;
        }
        if (!target.https()) {
            throw invalid("must use https (http only to loopback)");
        }
        try {
            String refusal = refusal(target, resolver.resolve(target.host()));
            if (refusal != null) {
                throw invalid(refusal);
            }
        } catch (UnknownHostException notYetInDns) {
            // accepted: checked again on the addresses it resolves to at each delivery
        }
        return target;
    }

    /**
     * The address a delivery connects to: the host's addresses now, every one of them allowed; empty when the URL or
     * any address is refused (blocking: resolves the name).
     */
    public Optional<InetAddress> addressForDelivery(String url) throws UnknownHostException {
        Optional<Target> parsed = parse(url);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Target target = parsed.get();
        Optional<InetAddress> literal = literal(target.host());
        List<InetAddress> addresses;
        if (literal.isPresent()) {
            addresses = List.of(literal.get());
        } else if (isLocalhostName(target.host())) {
            addresses = List.of(InetAddress.getLoopbackAddress());
        } else {
            addresses = resolver.resolve(target.host());
        }
        if (addresses.isEmpty() || refusal(target, addresses) != null) {
            return Optional.empty();
        }
        return Optional.of(addresses.get(0));
    }

    public static Optional<Target> parse(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException | NullPointerException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("https") || scheme.equals("http"))
                || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.empty();
        }
        boolean https = scheme.equals("https");
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String pathAndQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return Optional.of(new Target(uri, https, host.toLowerCase(Locale.ROOT), port, pathAndQuery));
    }

    /** Why these addresses may not be a target of this URL, or null when they may. */
    private String refusal(Target target, List<InetAddress> addresses) {
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress()) {
                if (!allowLoopback) {
                    return "must not be a loopback address";
                }
            } else if (isPrivate(address)) {
                return "must not be a private, link-local or local address";
            } else if (!target.https()) {
                return "must use https (http only to loopback)";
            }
        }
        return null;
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) || first >= 240;
        }
        return address instanceof Inet6Address && (b[0] & 0xfe) == 0xfc;
    }

    /** The address a host names literally (IPv4 dotted or IPv6), without asking DNS. */
    private static Optional<InetAddress> literal(String host) {
        if (!host.contains(":") && !IPV4_LITERAL.matcher(host).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return Optional.of(UNSPECIFIED); // not a valid literal: refused as the unspecified address
        }
    }

    private static InetAddress unspecified() {
        try {
            return InetAddress.getByAddress(new byte[4]);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isLocalhostName(String host) {
        return host.equals("localhost") || host.endsWith(".localhost");
    }

    private static ProblemException invalid(String message) {
        return ProblemException.invalidField("url", message);
    }
}
