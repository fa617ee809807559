package se.kommun.kvalitet.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Which address a request comes from, for rate limiting and the login throttle. The socket's address, unless
 * that is one of our trusted proxies: then X-Forwarded-For is read from the right (each proxy appends the
 * address it saw) and the first hop that is not a trusted proxy is the client. A client can prepend anything it
 * likes to that header, so nothing left of the first untrusted hop counts, and without trusted proxies the
 * header is ignored.
 */
public final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private final List<IpAddressMatcher> trustedProxies;

    public ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(String::strip).peek(ClientAddress::requireIpOrCidr)
                .map(IpAddressMatcher::new).toList();
    }

    public String of(HttpServletRequest request) {
        String current = request.getRemoteAddr();
        if (trustedProxies.isEmpty() || !trusted(current)) {
            return current;
        }
        String forwarded = String.join(",", Collections.list(request.getHeaders("X-Forwarded-For")));
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0 && trusted(current); i--) {
            String hop = hops[i].strip();
            if (!isIpLiteral(hop)) {
                // Garbage from the far side of our proxy: the proxy's own address is the best we know.
                break;
            }
            current = hop;
        }
        return current;
    }

    private boolean trusted(String address) {
        return isIpLiteral(address) && trustedProxies.stream().anyMatch(matcher -> matcher.matches(address));
    }

    /** Literals only: IpAddressMatcher and InetAddress would otherwise resolve a host name through DNS. */
    static boolean isIpLiteral(String value) {
        if (value == null) {
            return false;
        }
        if (IPV4.matcher(value).matches()) {
            for (String octet : value.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return false;
                }
            }
            return true;
        }
        if (value.indexOf(':') >= 0 && IPV6.matcher(value).matches()) {
            try {
                InetAddress.getByName(value);
                return true;
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    private static void requireIpOrCidr(String entry) {
        String[] parts = entry.split("/", 2);
        boolean valid = isIpLiteral(parts[0]) && (parts.length == 1 || parts[1].matches("\\d{1,3}"));
        if (!valid) {
            throw new IllegalArgumentException("kvalitet.trusted-proxies: not an IP address or CIDR: " + entry);
        }
    }
}
