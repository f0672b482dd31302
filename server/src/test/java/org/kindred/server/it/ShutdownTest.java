package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Graceful shutdown, in-process and as a real process receiving SIGTERM. */
class ShutdownTest {

    @Test
    void stopClosesEveryMemberWith1001() throws Exception {
        try (TestServer server = new TestServer()) {
            WsClient a = server.joined("general", "Ann");
            WsClient b = server.member();
            server.server().stop();
            assertEquals(1001, a.awaitClose());
            assertEquals(1001, b.awaitClose());
        }
    }

    @Test
    void sigtermClosesMembersWith1001AndTheProcessExits() throws Exception {
        Path data = org.kindred.server.testing.TempPaths.directory("kindred-sigterm");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.kindred.server.Main", "--port", "0", "--host", "127.0.0.1", "--data-dir", data.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            Pattern listening = Pattern.compile("listening port=(\\d+)");
            int port = -1;
            long deadline = System.currentTimeMillis() + 30_000;
            String line;
            while (port < 0 && System.currentTimeMillis() < deadline && (line = out.readLine()) != null) {
                Matcher m = listening.matcher(line);
                if (m.find()) {
                    port = Integer.parseInt(m.group(1));
                }
            }
            assertTrue(port > 0, "server started");
            Thread drain = new Thread(() -> {
                try {
                    while (out.readLine() != null) {
                        // keep the pipe empty
                    }
                } catch (java.io.IOException ignored) {
                    // process gone
                }
            });
            drain.setDaemon(true);
            drain.start();
            try (WsClient c = WsClient.connect(port)) {
                c.request(Map.of("type", "hello", "v", 1, "id", "h"));
                c.request(Map.of("type", "join", "room", "general", "id", "j"));
                p.destroy(); // SIGTERM
                assertEquals(1001, c.awaitClose());
            }
            assertTrue(p.waitFor(15, TimeUnit.SECONDS), "process exits after SIGTERM");
        } finally {
            p.destroyForcibly();
            p.waitFor(15, TimeUnit.SECONDS);
            org.kindred.server.testing.ExternalServices.deleteTree(data);
        }
    }
}
