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
public final class ExternalServices {
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
            Path out = TempPaths.file("kindred-cmd", ".log");
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

    /** Marks {@code dir} as belonging to this JVM, for {@link #reapStale}. */
    public static void own(Path dir) throws IOException {
        Files.writeString(dir.resolve(OWNER), String.valueOf(ProcessHandle.current().pid()));
    }

    /**
     * Stops and removes what test JVMs that died without cleaning up (e.g. killed) left in the
     * temporary directory: each {@code <prefix>*} directory whose owning JVM is gone is handed to
     * {@code stop} and deleted. Directories of living JVMs, and those too new to be marked yet,
     * are left alone.
     */
    public static void reapStale(String prefix, java.util.function.Consumer<Path> stop) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> s = Files.list(tmp)) {
            for (Path dir : s.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                try {
                    Path owner = dir.resolve(OWNER);
                    if (!Files.exists(owner)) {
                        long age = System.currentTimeMillis() - Files.getLastModifiedTime(dir).toMillis();
                        if (age < 60_000) {
                            continue;
                        }
                    } else {
                        long pid = Long.parseLong(Files.readString(owner).strip());
                        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                            continue;
                        }
                    }
                    try {
                        stop.accept(dir);
                    } catch (RuntimeException e) {
                        // nothing was running there any more
                    }
                    deleteTree(dir);
                } catch (IOException | RuntimeException e) {
                    // another user's, or half gone: leave it
                }
            }
        } catch (IOException e) {
            // nothing to reap
        }
    }

    private static final String OWNER = "owner.pid";

    /**
     * Removes {@code dir} and everything in it from a process of its own ({@code rm -rf}), which
     * goes on after this JVM exits; without {@code rm}, as {@link #deleteTree}. For exit hooks.
     */
    public static void deleteTreeInBackground(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            new ProcessBuilder("rm", "-rf", "--", dir.toAbsolutePath().toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            deleteTree(dir);
        }
    }

    /** Removes {@code dir} and everything in it, best effort (a later start reaps what is left). */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        for (int attempt = 0; attempt < 3 && Files.exists(dir); attempt++) {
            try (Stream<Path> s = Files.walk(dir)) { // a file vanishing during the walk ends it: walk again
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | RuntimeException e) {
                // best effort: it lives under the temporary directory, and a later start reaps it
            }
        }
    }
}
