package pos.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressesTest {

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        var clients = new ClientAddresses(List.of());
        assertThat(clients.of(request("198.51.100.7", "203.0.113.1"))).isEqualTo("198.51.100.7");
        assertThat(clients.of(request("127.0.0.1", "203.0.113.1"))).isEqualTo("127.0.0.1");
    }

    @Test
    void behindATrustedProxyTheNearestUntrustedHopIsTheClient() {
        var clients = new ClientAddresses(List.of("10.0.0.0/8", "192.168.1.1"));
        // the client forged the left part; our proxies appended the rest
        assertThat(clients.of(request("10.1.2.3", "1.1.1.1, 203.0.113.9, 192.168.1.1")))
                .isEqualTo("203.0.113.9");
        assertThat(clients.of(request("10.1.2.3", "203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(clients.of(request("10.1.2.3", null))).isEqualTo("10.1.2.3");
        assertThat(clients.of(request("10.1.2.3", "10.9.9.9, 10.8.8.8"))).isEqualTo("10.9.9.9");
    }

    @Test
    void aRequestThatDidNotComeThroughATrustedProxyIsItsOwnClient() {
        var clients = new ClientAddresses(List.of("10.0.0.0/8"));
        assertThat(clients.of(request("203.0.113.9", "10.0.0.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void ipv6RangesWork() {
        var clients = new ClientAddresses(List.of("::1", "fd00::/8"));
        assertThat(clients.of(request("0:0:0:0:0:0:0:1", "2001:db8::5"))).isEqualTo("2001:db8::5");
        assertThat(clients.of(request("fd12::1", "2001:db8::6, fd00::2"))).isEqualTo("2001:db8::6");
        assertThat(clients.of(request("2001:db8::7", "2001:db8::8"))).isEqualTo("2001:db8::7");
    }

    @Test
    void hostnamesInTheHeaderAreNeverResolvedOrTrusted() {
        var clients = new ClientAddresses(List.of("10.0.0.0/8"));
        assertThat(clients.of(request("10.0.0.1", "proxy.example.com"))).isEqualTo("proxy.example.com");
    }

    @Test
    void aHugeHeaderIsReadOnlyNearItsEnd() {
        var clients = new ClientAddresses(List.of("10.0.0.0/8"));
        var header = "1.2.3.4, ".repeat(100_000) + "203.0.113.9, 10.0.0.2";
        assertThat(clients.of(request("10.0.0.1", header))).isEqualTo("203.0.113.9");
    }

    @Test
    void refusesAMisconfiguredRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddresses(List.of("proxy.local")));
        assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33")));
    }

    private static MockHttpServletRequest request(String remote, String forwardedFor) {
        var request = new MockHttpServletRequest();
        request.setRemoteAddr(remote);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }
}
