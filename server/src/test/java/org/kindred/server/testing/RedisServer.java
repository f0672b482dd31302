package org.kindred.server.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis server for tests, started from the installed {@code redis-server} (Debian's
 * {@code redis-server} package) on a free loopback port with its own directory, persistence off
 * ({@code --save '' --appendonly no}, as Kindred's documented setup runs it), and stopped when the
 * test JVM ends.
 *
 * <p>{@link #shared()} is the one server of the test JVM; a test that stops and restarts Redis
 * starts its own with {@link #start()}. Where {@code redis-server} is missing, both skip the
 * calling test with the reason, or fail it when {@code CI=true}. {@link #command} speaks just
 * enough RESP for fixtures and smoke tests.
 */
public final class RedisServer implements AutoCloseable {
    private static RedisServer shared;

    private final Path program;
    private final Path dir;
    private final int port;
    private Process process;

    private RedisServer(Path program, Path dir, int port) {
        this.program = program;
        this.dir = dir;
        this.port = port;
    }

    /** {@code redis-server}, or null when Redis is not installed: {@code TEST_REDIS_SERVER} when set, else the usual places. */
    public static Path program() {
        String own = System.getenv("TEST_REDIS_SERVER"); // when set, the only program looked at
        if (own != null && !own.isBlank()) {
            return Files.isExecutable(Path.of(own)) ? Path.of(own) : null;
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("/usr/bin/redis-server"));
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty()) {
                candidates.add(Path.of(d, "redis-server"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }

    /** The test JVM's server, started on first use; skips (fails with {@code CI=true}) without Redis. */
    public static synchronized RedisServer shared() {
        if (shared == null) {
            shared = start();
            TempPaths.livesWithTheJvm(shared.dir); // removed by the exit hook, not by a test class
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "kindred-test-redis-stop"));
        }
        return shared;
    }

    /** A server of the caller's own (stop it with {@link #close()}). */
    public static RedisServer start() {
        Path program = program();
        if (program == null) {
            ExternalServices.missing("Redis tests need redis-server (apt-get install -y redis-server)");
        }
        ExternalServices.reapStale("kindred-redis-", RedisServer::killStale);
        Path dir;
        try {
            dir = TempPaths.directory("kindred-redis-");
            ExternalServices.own(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare a Redis directory", e);
        }
        RedisServer r = new RedisServer(program, dir, ExternalServices.freePort());
        try {
            r.startServer();
        } catch (RuntimeException | Error e) {
            r.close(); // a server that did not start: its process stopped, its directory removed
            throw e;
        }
        return r;
    }

    /** Starts the (stopped) server again on the same port; it comes back empty (no persistence). */
    public synchronized void startServer() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = new ProcessBuilder(program.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--daemonize", "no",
                    "--logfile", dir.resolve("redis.log").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
            Files.writeString(dir.resolve(PID_FILE), String.valueOf(process.pid()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                if ("PONG".equals(command("PING"))) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("redis-server did not start; see " + dir.resolve("redis.log"));
            }
            sleep(50);
        }
    }

    private static final String PID_FILE = "redis.pid";

    /** Kills the redis-server a dead test JVM left running in {@code dir}. */
    private static void killStale(Path dir) {
        try {
            long pid = Long.parseLong(Files.readString(dir.resolve(PID_FILE)).strip());
            ProcessHandle.of(pid).filter(RedisServer::isRedis).ifPresent(ProcessHandle::destroyForcibly);
        } catch (IOException | RuntimeException e) {
            // no pid file: nothing was started
        }
    }

    /**
     * Whether {@code h} is a Redis server: Debian's {@code /usr/bin/redis-server} is a link to
     * {@code redis-check-rdb}, which is what the process's executable then reads as.
     */
    private static boolean isRedis(ProcessHandle h) {
        String command = h.info().command().orElse("");
        return command.endsWith("redis-server") || command.endsWith("redis-check-rdb")
                || h.info().commandLine().orElse("").contains("redis-server");
    }

    /** Kills the server at once, like a crash (SIGKILL). */
    public synchronized void stopServer() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /**
     * Sends one command on a new connection and returns its reply as text: a status, an error
     * (starting with {@code -}), an integer, a bulk string (null when absent), or an array's
     * elements joined by line breaks.
     */
    public String command(String... args) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            s.setSoTimeout(5_000);
            OutputStream out = s.getOutputStream();
            StringBuilder req = new StringBuilder("*").append(args.length).append("\r\n");
            for (String a : args) {
                byte[] b = a.getBytes(StandardCharsets.UTF_8);
                req.append('$').append(b.length).append("\r\n").append(a).append("\r\n");
            }
            out.write(req.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return reply(new BufferedInputStream(s.getInputStream()));
        }
    }

    private static String reply(InputStream in) throws IOException {
        String line = line(in);
        char kind = line.charAt(0);
        String rest = line.substring(1);
        switch (kind) {
            case '+', ':' -> {
                return rest;
            }
            case '-' -> {
                return line;
            }
            case '$' -> {
                int n = Integer.parseInt(rest);
                if (n < 0) {
                    return null;
                }
                byte[] b = in.readNBytes(n + 2);
                return new String(b, 0, n, StandardCharsets.UTF_8);
            }
            case '*' -> {
                int n = Integer.parseInt(rest);
                List<String> items = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    items.add(reply(in));
                }
                return String.join("\n", items);
            }
            default -> throw new IOException("not a RESP reply");
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            b.write(c);
        }
        in.read(); // '\n'
        return b.toString(StandardCharsets.UTF_8);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the server and removes its directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ExternalServices.deleteTree(dir);
    }
}
