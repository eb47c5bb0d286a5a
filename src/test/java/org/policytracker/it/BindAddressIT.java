package org.policytracker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application listens on the loopback interface only unless QUARKUS_HTTP_HOST says otherwise
 * (issue #17, point 7; README "Configuration", docs/DEPLOY.md).
 */
class BindAddressIT {

    @TempDir
    Path work;

    @Test
    void shouldListenOnLoopbackByDefaultAndWhereQuarkusHttpHostSays() throws Exception {
        Map<String, String> env = Map.of("TRACKER_DATA_DIR", work.resolve("data").toString(),
                "TRACKER_ADMIN_PASSWORD", "bind-address-password");
        Optional<InetAddress> network = networkAddress();
        try (AppProcess app = AppProcess.start(work, env).awaitReady()) {
            int port = URI.create(app.baseUrl()).getPort();
            assertTrue(app.baseUrl().startsWith("http://127.0.0.1:"), app.baseUrl());
            assertEquals(200, app.get("/q/health/ready", null, null).statusCode());
            if (network.isPresent()) {
                assertThrows(IOException.class, () -> connect(network.get(), port),
                        "not reachable on " + network.get().getHostAddress());
            }
        }
        Map<String, String> open = new HashMap<>(env);
        open.put("QUARKUS_HTTP_HOST", "0.0.0.0");
        try (AppProcess app = AppProcess.start(work, open).awaitReady()) {
            assertTrue(app.output().contains("Listening on: http://0.0.0.0:"), app.output());
            int port = URI.create(app.baseUrl()).getPort();
            if (network.isPresent()) {
                connect(network.get(), port); // reachable from the network now
            }
        }
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 5000);
        }
    }

    /** An IPv4 address of this machine other than loopback, if it has one. */
    private static Optional<InetAddress> networkAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }
}
