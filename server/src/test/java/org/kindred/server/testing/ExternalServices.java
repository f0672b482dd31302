package org.kindred.server.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * What the PostgreSQL and Redis fixtures share: when a service's programs are missing the test
 * is skipped with the reason, except with {@code CI=true}, where it fails; free ports; running
 * a command to its end; removing a directory.
 */
final class ExternalServices {
    private ExternalServices() {
    }

    /** Fails (CI) or skips (elsewhere) the calling test with {@code why}. */
    static void missing(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(why + "; CI=true, so this is a failure, not a skip");
        }
        Assumptions.abort(why + "; skipped because it is absent");
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Runs {@code command} to its end (at most {@code timeoutS}); its output on failure. */
    static String run(List<String> command, long timeoutS) {
        try {
            Path out = Files.createTempFile("kindred-cmd", ".log");
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(out.toFile()).start();
                if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("timed out: " + command);
                }
                String text = Files.readString(out, StandardCharsets.UTF_8);
                if (p.exitValue() != 0) {
                    throw new IllegalStateException("exit " + p.exitValue() + ": " + command + "\n" + text);
                }
                return text;
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + command, e);
        }
    }

    /** {@code command} prefixed so that it runs as {@code user} when we are root. */
    static List<String> as(String user, List<String> command) {
        List<String> c = new ArrayList<>();
        if (isRoot()) {
            c.addAll(List.of("runuser", "-u", user, "--"));
        }
        c.addAll(command);
        return c;
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: it lives under the temporary directory
        }
    }
}
