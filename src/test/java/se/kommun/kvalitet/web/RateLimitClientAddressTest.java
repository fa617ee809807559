package se.kommun.kvalitet.web;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Which address a request is limited as: X-Forwarded-For counts only behind a trusted proxy. */
class RateLimitClientAddressTest {

    static final ClientAddress BEHIND_PROXIES = new ClientAddress(List.of("10.0.0.5", "192.168.0.0/16", "fd00::/8"));
    static final ClientAddress NO_PROXIES = new ClientAddress(List.of());

    @ParameterizedTest(name = "remote {0}, X-Forwarded-For ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            # remote       | X-Forwarded-For                     | client
            203.0.113.7    | NONE                                | 203.0.113.7
            203.0.113.7    | 1.2.3.4                             | 203.0.113.7
            10.0.0.5       | NONE                                | 10.0.0.5
            10.0.0.5       | 198.51.100.20                       | 198.51.100.20
            10.0.0.5       | 1.1.1.1, 198.51.100.20              | 198.51.100.20
            10.0.0.5       | 198.51.100.20, 192.168.4.4          | 198.51.100.20
            192.168.1.1    | 6.6.6.6, 198.51.100.20, 10.0.0.5    | 198.51.100.20
            10.0.0.5       | 192.168.1.2, 10.0.0.5               | 192.168.1.2
            10.0.0.5       | evil.example.org                    | 10.0.0.5
            10.0.0.5       | 1.1.1.1, not-an-ip                  | 10.0.0.5
            10.0.0.5       | 999.1.1.1                           | 10.0.0.5
            10.0.0.6       | 198.51.100.20                       | 10.0.0.6
            fd00::1        | 2001:db8::42                        | 2001:db8::42
            2001:db8::9    | 198.51.100.20                       | 2001:db8::9
            """)
    void believesForwardedForOnlyFromTrustedProxies(String remote, String forwardedFor, String client) {
        assertThat(BEHIND_PROXIES.of(request(remote, forwardedFor))).isEqualTo(client);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3.4", "127.0.0.1", "10.0.0.5, 127.0.0.1"})
    void withoutTrustedProxiesNoClientPicksItsOwnAddress(String forwardedFor) {
        assertThat(NO_PROXIES.of(request("203.0.113.7", forwardedFor))).isEqualTo("203.0.113.7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.internal", "10.0.0.0/x", "300.1.1.1", ""})
    void refusesTrustedProxyEntriesThatAreNoAddress(String entry) {
        assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddress(List.of(entry)));
    }

    private static MockHttpServletRequest request(String remote, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/cases");
        request.setRemoteAddr(remote);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }
}
