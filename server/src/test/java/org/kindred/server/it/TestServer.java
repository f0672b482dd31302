package org.kindred.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.kindred.server.KindredServer;
import org.kindred.server.config.ConfigLoader;
import org.kindred.server.config.KindredConfig;
import org.kindred.server.testing.PostgresServer;
import org.kindred.server.testing.RedisServer;

/**
 * Starts a real server on a free loopback port, and hands out connected clients.
 *
 * <p><b>Spread mode.</b> With the system property {@value #NODES_PROPERTY} set to n &gt; 1 (the
 * second surefire run of {@code server/pom.xml} sets 3), every {@code TestServer} is n in-JVM
 * nodes of one cluster, as production runs them: one Redis (the test JVM's shared one, under a
 * key prefix of this {@code TestServer}'s own, with a short node TTL as in {@link ClusterNodes}),
 * one fresh PostgreSQL database (staff accounts, tokens, bans, audit and escalations shared) and
 * one fingerprint secret. Every client handed out ({@link #raw()}, {@link #member()},
 * {@link #joined}, {@link #connect}) goes to the next node in turn, so consecutive clients of a
 * test sit on different nodes; {@link #port()} and {@link #server()} are node 0's (HTTP stays
 * there), {@link #serverOf} names the node a client is on. Without Redis or PostgreSQL the calling
 * test is skipped with the reason (fails with {@code CI=true}). Without the property: one node on
 * the embedded defaults, every client on it.
 */
public final class TestServer implements AutoCloseable {
    /** The system property naming how many nodes each {@code TestServer} spreads its clients over. */
    public static final String NODES_PROPERTY = "kindred.it.nodes";

    private final List<KindredServer> nodes = new ArrayList<>();
    private final List<Path> dataDirs = new ArrayList<>();
    private final java.util.Set<WsClient> clients = new java.util.LinkedHashSet<>();
    private final Map<WsClient, Integer> nodeOf = new ConcurrentHashMap<>();
    private String database;
    /** The fingerprint secret the nodes share in spread mode; null on one node. */
    private Path secret;
    private RedisServer redis;
    /** The shared PostgreSQL and the database of this server's nodes in spread mode, dropped on close; else null. */
    private PostgresServer postgres;
    private String databaseName;
    private String prefix;
    private int next;
    private int ids;

    public TestServer() throws Exception {
        this(b -> b);
    }

    public TestServer(UnaryOperator<KindredConfig.Builder> tweak) throws Exception {
        this(tweak, "{}");
    }

    /** With other configuration sections as YAML/JSON, e.g. {@code {"crisis":{"riskMessages":"hold"}}}. */
    public TestServer(UnaryOperator<KindredConfig.Builder> tweak, String sections) throws Exception {
        this(tweak, sections, s -> { });
    }

    /**
     * As above; {@code beforeStart} may set up the server (e.g. a hand-moved check-in timer) before
     * it starts; in spread mode it is called for every node.
     */
    public TestServer(UnaryOperator<KindredConfig.Builder> tweak, String sections, Consumer<KindredServer> beforeStart)
            throws Exception {
        this(spreadNodes(), tweak, sections, beforeStart);
    }

    private TestServer(int n, UnaryOperator<KindredConfig.Builder> tweak, String sections,
            Consumer<KindredServer> beforeStart) throws Exception {
        UnaryOperator<KindredConfig.Builder> shared = b -> b;
        Consumer<KindredServer> each = beforeStart;
        if (n > 1) {
            RedisServer redis = RedisServer.shared();
            PostgresServer pg = PostgresServer.shared();
            String name = pg.createDatabase();
            String url = pg.trustedUrl(name);
            database = url;
            this.postgres = pg;
            this.databaseName = name;
            Path secret = ClusterNodes.sharedSecret();
            this.secret = secret;
            this.redis = redis;
            this.prefix = ClusterNodes.freshPrefix();
            shared = b -> b.redis(redis.uri()).database(url).secretKeyFile(secret);
            each = s -> beforeStart.accept(s.redisKeys(prefix, ClusterNodes.NODE_TTL_MS));
        }
        try {
            for (int i = 0; i < n; i++) {
                dataDirs.add(org.kindred.server.testing.TempPaths.directory("kindred-test"));
            }
            nodes.add(start(dataDirs.get(0), shared, tweak, sections, each)); // alone: it migrates the schema
            startOthers(shared, tweak, sections, each);
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /** Starts nodes 1 … n-1 side by side (each loads its lexicons, a second of CPU), in order into {@link #nodes}. */
    private void startOthers(UnaryOperator<KindredConfig.Builder> shared, UnaryOperator<KindredConfig.Builder> tweak,
            String sections, Consumer<KindredServer> beforeStart) throws Exception {
        List<java.util.concurrent.CompletableFuture<KindredServer>> starting = new ArrayList<>();
        for (Path dir : dataDirs.subList(1, dataDirs.size())) {
            java.util.concurrent.CompletableFuture<KindredServer> f = new java.util.concurrent.CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    f.complete(start(dir, shared, tweak, sections, beforeStart));
                } catch (Throwable e) {
                    f.completeExceptionally(e);
                }
            }, "test-node-start");
            t.start();
            starting.add(f);
        }
        Throwable failed = null;
        for (java.util.concurrent.CompletableFuture<KindredServer> f : starting) {
            try {
                nodes.add(f.get());
            } catch (java.util.concurrent.ExecutionException e) {
                failed = failed == null ? e.getCause() : failed;
            }
        }
        if (failed instanceof Exception e) {
            throw e;
        } else if (failed != null) {
            throw (Error) failed;
        }
    }

    /** One node whatever the mode, for {@link ClusterNodes}, which makes its own cluster of them. */
    static TestServer single(UnaryOperator<KindredConfig.Builder> tweak, String sections,
            Consumer<KindredServer> beforeStart) throws Exception {
        return new TestServer(1, tweak, sections, beforeStart);
    }

    /** How many nodes a {@code TestServer} spreads over: {@value #NODES_PROPERTY}, default 1. */
    public static int spreadNodes() {
        String v = System.getProperty(NODES_PROPERTY, "").strip();
        if (v.isEmpty()) {
            return 1;
        }
        int n = Integer.parseInt(v);
        if (n < 1 || n > 9) {
            throw new IllegalArgumentException(NODES_PROPERTY + ": " + v + " (expected: 1..9)");
        }
        return n;
    }

    /** True when this run spreads clients over several nodes. */
    public static boolean spread() {
        return spreadNodes() > 1;
    }

    private static KindredServer start(Path dataDir, UnaryOperator<KindredConfig.Builder> shared,
            UnaryOperator<KindredConfig.Builder> tweak, String sections, Consumer<KindredServer> beforeStart)
            throws Exception {
        KindredConfig cfg = tweak.apply(shared.apply(ConfigLoader.defaults().toBuilder()
                .host("127.0.0.1").port(0).dataDir(dataDir)
                .ratePerSec(1000).burst(1000))).build();
        com.fasterxml.jackson.databind.node.ObjectNode tree =
                (com.fasterxml.jackson.databind.node.ObjectNode) WsClient.JSON.readTree(sections);
        if (!tree.has("moderation")) {
            // every test client shares 127.0.0.1, i.e. one network fingerprint: don't let that bucket bite
            tree.putObject("moderation").put("networkBurst", 10_000).put("networkRatePerSecond", 10_000.0);
        }
        if (!tree.has("sessions")) {
            // likewise for new sessions per fingerprint (SessionLimits); tests of the limit set their own
            tree.putObject("sessions").put("newBurst", 100_000).put("newPerMinute", 1_000_000.0);
        }
        KindredServer s = new KindredServer(cfg, tree);
        beforeStart.accept(s);
        return s.start();
    }

    /** Node 0 (the only one unless spread). */
    public KindredServer server() {
        return nodes.get(0);
    }

    /** Node {@code i}, 0-based. */
    public KindredServer server(int i) {
        return nodes.get(i);
    }

    /** How many nodes serve this test: 1, or {@value #NODES_PROPERTY} in spread mode. */
    public int nodes() {
        return nodes.size();
    }

    /** The node {@code c} (a client this harness handed out) is connected to. */
    public KindredServer serverOf(WsClient c) {
        Integer i = nodeOf.get(c);
        if (i == null) {
            throw new IllegalArgumentException("a client this TestServer did not connect");
        }
        return nodes.get(i);
    }

    /** Node 0's port: for HTTP, and for nothing that a member's client should do. */
    public int port() {
        return server().port();
    }

    /** Node {@code i}'s port. */
    public int port(int i) {
        return nodes.get(i).port();
    }

    /**
     * The JDBC URL (signing in without a password) of the PostgreSQL database the nodes share in
     * spread mode, for tools such as the {@code moderators} command; null on one node (its store is
     * in {@link #dataDir()}).
     */
    public String database() {
        return database;
    }

    /**
     * After a member's connection dropped: returns once a resume with {@code token} can find the
     * session on any node. On one node at once (the node holds the session); spread, once the
     * member's node parked it in Redis (at most 5 s, else the test fails), as a client reconnecting
     * through a balancer to another node would need.
     */
    public void awaitParked(String token) throws Exception {
        if (redis != null) {
            ClusterNodes.awaitParked(redis, prefix, token);
        }
    }

    /** Node 0's data directory. */
    public Path dataDir() {
        return dataDirs.get(0);
    }

    /** The node the next client goes to (round robin); every client the harness hands out takes one turn. */
    private synchronized int turn() {
        int i = next;
        next = (next + 1) % nodes.size();
        return i;
    }

    /** The port of the node the next client goes to (e.g. for an {@code Origin} naming that node). */
    public synchronized int nextPort() {
        return port(next);
    }

    /** A connected, reading client on the next node, without headers. */
    public WsClient connect() throws IOException {
        return connect(Map.of(), null, true);
    }

    /** As {@link WsClient#connect(int, Map, String, boolean)}, on the next node; closed with this server. */
    public WsClient connect(Map<String, String> headers, String from, boolean startReading) throws IOException {
        return connect(headers, from, startReading, 0);
    }

    /** As {@link WsClient#connect(int, Map, String, boolean, int)}, on the next node; closed with this server. */
    public WsClient connect(Map<String, String> headers, String from, boolean startReading, int receiveBuffer)
            throws IOException {
        int i = turn();
        WsClient c = WsClient.connect(port(i), headers, from, startReading, receiveBuffer);
        nodeOf.put(c, i);
        track(c);
        return c;
    }

    /** A connected client that has not said hello. */
    public WsClient raw() throws IOException {
        return connect();
    }

    /** A connection and the reply to the request it sent. */
    public record Answered(WsClient client, JsonNode reply) {
    }

    /**
     * Right after a ban closed a member's connection: a new connection from {@code from} sends
     * {@code hello} and gets its reply, expected {@code banned}; see {@link #helloUntil}.
     */
    public Answered helloAfterBan(String from, Map<String, ?> hello) throws Exception {
        return helloUntil(from, hello, r -> "banned".equals(r.path("code").asText()));
    }

    /**
     * Right after a ban or its lifting: a new connection from {@code from} sends {@code hello} and
     * gets its reply. On one node once. Spread, a node learns a ban made through another node (and
     * the banned member's network, from the node that closed it) or its lifting within the second
     * the cluster promises, so a reconnect may come first: while the reply is not {@code settled}
     * it tries again, on the next node, for up to 2 s (the last reply is returned either way).
     */
    public Answered helloUntil(String from, Map<String, ?> hello, java.util.function.Predicate<JsonNode> settled)
            throws Exception {
        long deadline = System.currentTimeMillis() + (nodes.size() > 1 ? 2_000 : 0);
        while (true) {
            WsClient c = connect(Map.of(), from, true);
            JsonNode reply = c.request(hello);
            if (settled.test(reply) || System.currentTimeMillis() >= deadline) {
                return new Answered(c, reply);
            }
            c.close();
            Thread.sleep(50);
        }
    }

    /** A client that said hello; returns the client (welcome is in its {@code seen()}). */
    public WsClient member() throws Exception {
        WsClient c = raw();
        JsonNode w = c.request(Map.of("type", "hello", "v", 1, "id", "h"));
        if (!"welcome".equals(w.path("type").asText())) {
            throw new AssertionError("expected welcome, got " + w);
        }
        return c;
    }

    /** A member that joined {@code room} with {@code nick}. */
    public WsClient joined(String room, String nick) throws Exception {
        WsClient c = member();
        JsonNode j = c.request(Map.of("type", "join", "room", room, "nick", nick, "id", "j" + (++ids)));
        if (!"joined".equals(j.path("type").asText())) {
            throw new AssertionError("expected joined, got " + j);
        }
        return c;
    }

    /** Closes {@code c} with this server. */
    public synchronized void track(WsClient c) {
        clients.add(c);
    }

    @Override
    public void close() throws Exception {
        List<WsClient> all;
        synchronized (this) {
            all = new ArrayList<>(clients);
        }
        Exception failed = null;
        for (WsClient c : all) {
            try {
                c.close();
            } catch (IOException e) { // the others, and the nodes, are closed all the same
                failed = failed == null ? e : failed;
            }
        }
        try {
            for (KindredServer s : nodes) {
                try {
                    s.stop();
                } catch (RuntimeException e) { // the other nodes still stop
                    failed = failed == null ? e : failed;
                }
            }
        } finally { // what this server made under the temporary directory, and nothing else
            for (Path dir : dataDirs) {
                org.kindred.server.testing.TempPaths.delete(dir);
            }
            org.kindred.server.testing.TempPaths.delete(secret);
            if (postgres != null) {
                try {
                    postgres.dropDatabase(databaseName);
                } catch (RuntimeException e) {
                    // best effort (ExternalServicesSmokeTest checks the drop): the shared server's directory goes at exit
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    static String welcomeSession(WsClient c) {
        return c.firstSeen("welcome", "session");
    }

    static String welcomeMember(WsClient c) {
        return c.firstSeen("welcome", "member", "id");
    }

    /**
     * Waits until {@code to} has {@code from}'s {@code typing} in {@code room}: from then on, every
     * room event {@code from} caused before has reached {@code to} too. Spread, another member's
     * event reaches a client through Redis and may come after the reply to that client's own next
     * request, so a reply proves nothing about it; but a room's events reach every member in one
     * order, and the events of one member's node leave it in the order its room made them, so
     * {@code from}'s typing (the same path as its reactions, presence and notices) comes after all
     * of them. Use it before counting what {@code from} caused, or asserting that something of
     * {@code from}'s did not arrive. {@code from} must have said hello through this class.
     */
    static void typingReached(WsClient from, WsClient to, String room) throws Exception {
        typingReached(List.of(from), to, room);
    }

    /** As {@link #typingReached(WsClient, WsClient, String)}, for each of {@code from}, in any order. */
    static void typingReached(List<WsClient> from, WsClient to, String room) throws Exception {
        java.util.Set<String> waiting = new java.util.HashSet<>();
        for (WsClient c : from) {
            waiting.add(welcomeMember(c));
            c.send(Map.of("type", "typing", "room", room, "id", "sync-typing"));
        }
        while (!waiting.isEmpty()) {
            to.await(n -> "typing".equals(n.path("type").asText()) && room.equals(n.path("room").asText())
                    && waiting.remove(n.path("member").path("id").asText()), "the typing of " + waiting + " in " + room);
        }
    }
}
