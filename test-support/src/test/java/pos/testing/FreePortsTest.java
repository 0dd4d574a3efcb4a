package pos.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void portsAreBelowTheEphemeralRangeDistinctAndBindable() throws Exception {
        var ports = new HashSet<Integer>();
        for (int i = 0; i < 200; i++) {
            ports.add(FreePorts.next());
        }

        assertThat(ports)
                .hasSize(200)
                .allSatisfy(port -> assertThat(port).isBetween(FreePorts.LOWEST, FreePorts.BELOW_EPHEMERAL - 1));
        for (int port : ports) {
            try (var server = new ServerSocket()) {
                server.bind(new InetSocketAddress(port));
            }
        }
    }

    @Test
    void aPortSomeoneListensOnIsNeverHandedOut() throws Exception {
        var listening = new ArrayList<ServerSocket>();
        try {
            for (int port = FreePorts.LOWEST; port < FreePorts.LOWEST + 500; port++) {
                var server = new ServerSocket();
                try {
                    server.bind(new InetSocketAddress(port));
                    listening.add(server);
                } catch (IOException alreadyTaken) {
                    server.close();
                }
            }
            var held = listening.stream().map(ServerSocket::getLocalPort).toList();

            for (int i = 0; i < 300; i++) {
                assertThat(FreePorts.next()).isNotIn(held);
            }
        } finally {
            for (var server : listening) {
                server.close();
            }
        }
    }
}
