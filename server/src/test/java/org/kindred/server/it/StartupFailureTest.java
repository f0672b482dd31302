package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kindred.server.KindredServer;
import org.kindred.server.config.ConfigLoader;

/** A server that cannot start says why in one line and exits non-zero, releasing its threads. */
class StartupFailureTest {
    /** The data directories and settings files (removed afterwards: they were left in /tmp). */
    @TempDir
    Path tmp;

    @Test
    void aProcessWhosePortIsTakenExitsNonZeroWithinSeconds() throws Exception {
        try (ServerSocket taken = occupied()) {
            Path data = Files.createDirectories(tmp.resolve("port-taken"));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "org.kindred.server.Main", "--port", String.valueOf(taken.getLocalPort()),
                    "--host", "127.0.0.1", "--data-dir", data.toString())
                    .redirectErrorStream(true).start();
            try {
                // generous for a loaded machine: a process kept alive by its threads never exits at all
                assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process exits on its own");
                String out = read(p.getInputStream());
                assertEquals(1, p.exitValue(), out);
                List<String> reason = out.lines().filter(l -> l.startsWith("kindred: could not start: ")).toList();
                assertEquals(1, reason.size(), out);
                assertTrue(reason.get(0).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), out);
                assertTrue(reason.get(0).contains("(expected: a free port"), out);
            } finally {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void aBadSettingInASectionExitsWithStatus2AndOneLineWithoutAStackTrace() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("bad-setting"));
        Path file = data.resolve("kindred.yaml");
        Files.writeString(file, "moderation:\n  floodRepeats: 1\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.kindred.server.Main", "--port", "0", "--host", "127.0.0.1", "--data-dir",
                data.resolve("d").toString(), "--config", file.toString()).start();
        try {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process exits on its own");
            String err = read(p.getErrorStream());
            String out = read(p.getInputStream());
            assertEquals(2, p.exitValue(), err + out);
            assertEquals(List.of("kindred: moderation.floodRepeats: 1 (expected: 2..100)"), err.lines().toList());
            assertEquals("", out, "nothing was started, so nothing was logged");
            assertTrue(Files.notExists(data.resolve("d").resolve("kindred.db")));
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aFailedStartInProcessThrowsAndLeavesNoThreadThatKeepsTheJvmAlive() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (ServerSocket taken = occupied()) {
            KindredServer server = new KindredServer(ConfigLoader.defaults().toBuilder().host("127.0.0.1")
                    .port(taken.getLocalPort()).dataDir(Files.createDirectories(tmp.resolve("port-taken-in-process")))
                    .build());
            Exception e = assertThrows(Exception.class, server::start);
            assertNotEquals(null, e);
            server.stop(); // harmless after a failed start
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Set<String> left;
        do {
            // a thread that is not a daemon keeps the JVM alive after main() ends
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t.isAlive() && !t.isDaemon())
                    .map(Thread::getName)
                    .collect(Collectors.toSet());
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        assertTrue(left.isEmpty(), "threads left running: " + left);
    }

    private static ServerSocket occupied() throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(false);
        s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        return s;
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
