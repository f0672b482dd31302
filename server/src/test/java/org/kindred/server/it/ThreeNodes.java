package org.kindred.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.kindred.server.testing.ExternalServices;
import org.kindred.server.testing.PostgresServer;
import org.kindred.server.testing.RedisServer;

/**
 * Three Kindred servers as operators run a cluster: three separate JVMs ({@link ServerProcess}) on
 * loopback ports of their own, sharing one real Redis (persistence off) and one real PostgreSQL,
 * both of this harness alone (a test may stop and restart them), the same network-fingerprint
 * secret and the same bootstrap admin ({@link #MOD_USER}). Rooms are {@link #ROOMS}; rate limits
 * are high, as every test client leaves from 127.0.0.1.
 *
 * <p>Start it once per test class ({@link #start()}), close it at the end: the processes are killed
 * and waited for, Redis and PostgreSQL stopped, and the directory removed (a JVM that died without
 * closing is cleaned up by the next start). Without {@code redis-server} or PostgreSQL the calling
 * test is skipped with the reason, or fails with {@code CI=true}.
 */
final class ThreeNodes implements AutoCloseable {
    static final String MOD_USER = "morgan";
    static final String MOD_PASSWORD = "three-nodes-test-password";
    /** The rooms of this cluster: one per test, so tests sharing the processes never meet. */
    static final List<String> ROOMS = List.of("order", "late", "resume", "bans", "death", "redis-out", "pg-out",
            "pg-new", "spare");
    /** The Redis key prefix of a parked session (the nodes' default key prefix, {@code kindred:}). */
    static final String PARK_PREFIX = org.kindred.server.broker.redis.RedisEngines.PREFIX + "park:";
    private static final String HOME_PREFIX = "kindred-3nodes-";
    private static final String PIDS = "nodes.pid";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path home;
    private final RedisServer redis;
    private final PostgresServer postgres;
    private final Map<String, String> env = new HashMap<>();
    private final ServerProcess[] nodes = new ServerProcess[3];
    private final List<WsClient> clients = new ArrayList<>();
    private int started;

    private ThreeNodes(Path home, RedisServer redis, PostgresServer postgres) {
        this.home = home;
        this.redis = redis;
        this.postgres = postgres;
    }

    /** Starts Redis, PostgreSQL and the three nodes (the first alone, so it creates the schema). */
    static ThreeNodes start() throws Exception {
        return start(MODERATION);
    }

    /** The nodes' {@code moderation} section unless a test gives another: no network allowance in the way. */
    static final String MODERATION = "{networkBurst: 10000, networkRatePerSecond: 10000.0}";

    /** As {@link #start()}, with the nodes' {@code moderation} section (a YAML flow mapping). */
    static ThreeNodes start(String moderation) throws Exception {
        ExternalServices.reapStale(HOME_PREFIX, ThreeNodes::killStale);
        Path home = org.kindred.server.testing.TempPaths.directory(HOME_PREFIX);
        RedisServer redis = null;
        PostgresServer pg = null;
        ThreeNodes t = null;
        try {
            ExternalServices.own(home);
            redis = RedisServer.start();
            pg = PostgresServer.start();
            t = new ThreeNodes(home, redis, pg);
            t.configure(pg.createDatabase(), moderation);
            t.startNode(0);
            ThreeNodes self = t;
            CompletableFuture<Void> b = CompletableFuture.runAsync(() -> self.startUnchecked(1));
            self.startUnchecked(2);
            b.join();
            Runtime.getRuntime().addShutdownHook(new Thread(self::closeQuietly, "three-nodes-stop"));
            return t;
        } catch (Exception | Error e) {
            if (t != null) {
                t.closeQuietly();
            } else {
                if (redis != null) {
                    redis.close();
                }
                if (pg != null) {
                    pg.close();
                }
                ExternalServices.deleteTree(home);
            }
            throw e;
        }
    }

    private void configure(String database, String moderation) throws IOException {
        byte[] key = new byte[32];
        ThreadLocalRandom.current().nextBytes(key);
        Path secret = home.resolve("secret.key");
        Files.writeString(secret, HexFormat.of().formatHex(key));
        StringBuilder yaml = new StringBuilder("""
                ratePerSec: 1000
                burst: 1000
                requestsPerSecond: 1000
                requestBurst: 1000
                maxConnectionsPerAddress: 1000
                shutdownGraceSeconds: 1
                moderation: %s
                sessions: {newBurst: 100000, newPerMinute: 1000000.0}
                rooms:
                """.formatted(moderation));
        for (String r : ROOMS) {
            yaml.append("  - {id: ").append(r).append(", title: ").append(r).append(", capacity: 200}\n");
        }
        Path config = home.resolve("kindred.yaml");
        Files.writeString(config, yaml);
        env.putAll(postgres.env());
        env.put("KINDRED_REDIS", redis.uri());
        env.put("KINDRED_DATABASE", postgres.url(database));
        env.put("KINDRED_SECRET_KEY_FILE", secret.toString());
        env.put("KINDRED_CONFIG", config.toString());
        env.put("KINDRED_BOOTSTRAP_MODERATOR", MOD_USER + ":" + MOD_PASSWORD);
    }

    private void startUnchecked(int i) {
        try {
            startNode(i);
        } catch (IOException e) {
            throw new IllegalStateException("node " + i + " did not start", e);
        }
    }

    private void startNode(int i) throws IOException {
        Path data;
        synchronized (this) {
            data = home.resolve("node" + i + "-" + (started++));
        }
        Files.createDirectories(data);
        ServerProcess p = ServerProcess.start(data, env, List.of("-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1"));
        synchronized (this) {
            nodes[i] = p;
            Files.writeString(home.resolve(PIDS), p.process().pid() + "\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
    }

    /** Kills the node processes a dead test JVM left running under {@code dir}. */
    private static void killStale(Path dir) {
        try {
            for (String line : Files.readAllLines(dir.resolve(PIDS))) {
                ProcessHandle.of(Long.parseLong(line.strip()))
                        .filter(h -> h.info().commandLine().orElse("").contains("org.kindred.server.Main"))
                        .ifPresent(ProcessHandle::destroyForcibly);
            }
        } catch (IOException | RuntimeException e) {
            // no node was started
        }
    }

    /** Node {@code i} (0 to 2), which may have been killed. */
    synchronized ServerProcess node(int i) {
        return nodes[i];
    }

    /** The port of node {@code i}. */
    int port(int i) {
        return node(i).port();
    }

    /** Kills node {@code i} with SIGKILL: no shutdown hook runs, nothing is flushed or parked. */
    void kill(int i) throws InterruptedException {
        node(i).kill();
    }

    /** Starts a new process for every node that is not running (on a new port). */
    void restartDead() throws IOException {
        for (int i = 0; i < nodes.length; i++) {
            if (!node(i).process().isAlive()) {
                startNode(i);
            }
        }
    }

    RedisServer redis() {
        return redis;
    }

    PostgresServer postgres() {
        return postgres;
    }

    /** A connected client of node {@code i} that has not said hello, closed by {@link #closeClients()}. */
    synchronized WsClient raw(int i, String from) throws IOException {
        WsClient c = WsClient.connect(port(i), Map.of(), from, true);
        clients.add(c);
        return c;
    }

    /** A member of node {@code i} that said hello. */
    WsClient member(int i) throws Exception {
        return member(i, null);
    }

    /** As above, connecting from the loopback address {@code from} (its own network fingerprint). */
    WsClient member(int i, String from) throws Exception {
        WsClient c = raw(i, from);
        JsonNode w = c.request(Map.of("type", "hello", "v", 1, "id", "h"));
        if (!"welcome".equals(w.path("type").asText())) {
            throw new AssertionError("expected welcome on node " + i + ", got " + w);
        }
        return c;
    }

    /** A member of node {@code i} that joined {@code room} as {@code nick}. */
    WsClient joined(int i, String room, String nick) throws Exception {
        return joined(i, null, room, nick);
    }

    /** As above, connecting from {@code from}. */
    WsClient joined(int i, String from, String room, String nick) throws Exception {
        WsClient c = member(i, from);
        JsonNode j = c.request(Map.of("type", "join", "room", room, "nick", nick, "id", "j"));
        if (!"joined".equals(j.path("type").asText())) {
            throw new AssertionError("expected joined on node " + i + ", got " + j);
        }
        return c;
    }

    /** A signed-in admin on node {@code i}, watching every room. */
    WsClient moderator(int i) throws Exception {
        List<WsClient> track = new ArrayList<>();
        WsClient c = Moderators.watching(port(i), Moderators.token(port(i), MOD_USER, MOD_PASSWORD), track);
        synchronized (this) {
            clients.addAll(track);
        }
        return c;
    }

    /** Closes every client handed out so far (after each test). */
    synchronized void closeClients() {
        for (WsClient c : clients) {
            try {
                c.close();
            } catch (IOException e) {
                // already closed
            }
        }
        clients.clear();
    }

    /** The status of {@code GET /readyz} on node {@code i} (a 10 s timeout fails the test). */
    int readyz(int i) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(i) + "/readyz"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Waits (at most {@code ms}) until every node's {@code /readyz} answers {@code status}. */
    void awaitReadyz(int status, long ms) throws Exception {
        long deadline = System.currentTimeMillis() + ms;
        for (int i = 0; i < nodes.length; i++) {
            int last;
            while ((last = readyz(i)) != status) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("node " + i + " /readyz " + last + ", expected " + status);
                }
                Thread.sleep(100);
            }
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            // best effort at JVM exit
        }
    }

    /** Kills the nodes and waits for them, stops Redis and PostgreSQL, removes the directory. Idempotent. */
    @Override
    public synchronized void close() {
        closeClients();
        for (ServerProcess p : nodes) {
            if (p != null) {
                p.process().destroyForcibly();
            }
        }
        for (ServerProcess p : nodes) {
            if (p != null) {
                try {
                    p.kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        redis.close();
        postgres.close();
        ExternalServices.deleteTree(home);
    }
}
