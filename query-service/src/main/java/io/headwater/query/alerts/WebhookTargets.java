package io.headwater.query.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where webhooks may go. query-service POSTs to any URL a subscriber names, from inside the deployment, so a
 * URL naming the deployment itself (the registry, {@code /internal}, a cloud metadata endpoint) would turn it
 * into a proxy. Refused, at subscription and before every delivery (after DNS resolution, so a name that
 * resolves inward, or later starts to, is caught): loopback, private, link-local, carrier-grade NAT, multicast
 * and unspecified addresses, IPv6 unique-local and IPv4-mapped forms of all of these, and host names written
 * as bare decimal, hex or octal numbers. {@code headwater.webhooks.allowed-hosts} (host names, addresses or
 * CIDR ranges) lets chosen internal receivers through.
 */
@ApplicationScoped
public class WebhookTargets {

    private static final Pattern NUMERIC_FORM = Pattern.compile("(?i)^(0x[0-9a-f]+|[0-9]+)(\\.(0x[0-9a-f]+|[0-9]+)){0,3}$");
    private static final Pattern DOTTED_QUAD = Pattern.compile("^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$");

    private final List<String> allowed;

    public WebhookTargets(@ConfigProperty(name = "headwater.webhooks.allowed-hosts") Optional<List<String>> allowed) {
        this.allowed = allowed.orElse(List.of()).stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
    }

    /** Why a webhook may not be sent to {@code url}, if it may not. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.of("is not a URL");
        }
        if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT)) || uri.getHost() == null) {
            return Optional.of("must be an http or https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials in the URL (the subscription's secret signs every delivery)");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
        if (NUMERIC_FORM.matcher(host).matches() && !DOTTED_QUAD.matcher(host).matches()) {
            return Optional.of("writes its address as a bare number (decimal, hex or octal); write it as a dotted quad or a name");
        }
        if (allowed.contains(host)) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve (" + host + ")");
        }
        for (InetAddress address : addresses) {
            if (inward(address) && allowed.stream().noneMatch(a -> matches(a, address))) {
                return Optional.of("resolves to " + address.getHostAddress() + ", an address inside the deployment (loopback, private, link-local "
                        + "or the like); list it in headwater.webhooks.allowed-hosts to let webhooks go there");
            }
        }
        return Optional.empty();
    }

    static boolean inward(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
                    || (first == 198 && (second == 18 || second == 19)) || first >= 240;
        }
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
            boolean mapped = isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            boolean compatible = isZero(b, 0, 12);
            if (mapped || compatible) {
                try {
                    return inward(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            return uniqueLocal;
        }
        return true;
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether an allow-list entry (an address or CIDR range) covers {@code address}. */
    static boolean matches(String entry, InetAddress address) {
        try {
            String[] parts = entry.split("/", 2);
            InetAddress network = InetAddress.getByName(parts[0]);
            byte[] a = address.getAddress();
            byte[] n = network.getAddress();
            if (a.length != n.length) {
                return false;
            }
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : a.length * 8;
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((a[i / 8] & mask) != (n[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }
}
