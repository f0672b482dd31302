package org.kindred.server.it;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kindred.server.testing.RedisServer;

/**
 * Several real Kindred servers in this JVM, each on its own loopback port and data directory,
 * serving the same rooms through one Redis (the shared test server; with a key prefix of their
 * own, so clusters of different tests never meet) and sharing one fingerprint secret. Each node
 * keeps its own SQLite store unless made with {@link #sharingStore} (one PostgreSQL database for
 * all). Without {@code redis-server} the calling test is skipped with the reason, or fails with
 * {@code CI=true}. {@link TestServer} in spread mode is such a cluster behind one handle.
 */
final class ClusterNodes implements AutoCloseable {
    /** How long a dead node's members stay listed in these clusters, ms. */
    static final long NODE_TTL_MS = 1_500;
    private final List<TestServer> nodes = new ArrayList<>();
    private final RedisServer redis;
    private final String prefix;
    private final java.util.function.UnaryOperator<org.kindred.server.config.KindredConfig.Builder> tweak;
    private final String sections;
    private final long nodeTtlMs;
    private final java.util.function.Consumer<org.kindred.server.KindredServer> beforeStart;
    private final java.nio.file.Path secret = sharedSecret();

    /** Starts {@code n} nodes on the shared Redis. */
    ClusterNodes(int n) throws Exception {
        this(RedisServer.shared(), n);
    }

    /** Starts {@code n} nodes on {@code redis}. */
    ClusterNodes(RedisServer redis, int n) throws Exception {
        this(redis, n, freshPrefix());
    }

    /** Starts {@code n} nodes on {@code redis} with the keys' {@code prefix} (a process node uses {@code kindred:}). */
    ClusterNodes(RedisServer redis, int n, String prefix) throws Exception {
        this(redis, n, prefix, b -> b);
    }

    /** As above, each node's configuration changed by {@code tweak}. */
    ClusterNodes(RedisServer redis, int n, String prefix,
            java.util.function.UnaryOperator<org.kindred.server.config.KindredConfig.Builder> tweak) throws Exception {
        this(redis, n, prefix, tweak, "{}");
    }

    /** As above, with other configuration {@code sections} (as for {@link TestServer}). */
    ClusterNodes(RedisServer redis, int n, String prefix,
            java.util.function.UnaryOperator<org.kindred.server.config.KindredConfig.Builder> tweak, String sections)
            throws Exception {
        this(redis, n, prefix, tweak, sections, NODE_TTL_MS, s -> { });
    }

    /** As above, {@code beforeStart} setting up each node before it starts (as for {@link TestServer}). */
    ClusterNodes(RedisServer redis, int n, String prefix,
            java.util.function.UnaryOperator<org.kindred.server.config.KindredConfig.Builder> tweak, String sections,
            java.util.function.Consumer<org.kindred.server.KindredServer> beforeStart) throws Exception {
        this(redis, n, prefix, tweak, sections, NODE_TTL_MS, beforeStart);
    }

    /**
     * As above, a dead node's members listed for {@code nodeTtlMs} (their background work a third of it
     * apart) and {@code beforeStart} setting up each node before it starts.
     */
    private ClusterNodes(RedisServer redis, int n, String prefix,
            java.util.function.UnaryOperator<org.kindred.server.config.KindredConfig.Builder> tweak, String sections,
            long nodeTtlMs, java.util.function.Consumer<org.kindred.server.KindredServer> beforeStart) throws Exception {
        this.redis = redis;
        this.nodeTtlMs = nodeTtlMs;
        this.beforeStart = beforeStart;
        this.prefix = prefix;
        this.tweak = tweak;
        this.sections = sections;
        try {
            for (int i = 0; i < n; i++) {
                add();
            }
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /**
     * Starts {@code n} nodes on the shared Redis and one fresh database of the shared PostgreSQL, as
     * production runs them: staff accounts, tokens, bans, mutes, audit and escalations are shared,
     * so what only the store carries between nodes is exercised too. Skips (fails with {@code CI=true})
     * without PostgreSQL.
     */
    static ClusterNodes sharingStore(int n,
            java.util.function.UnaryOperator<org.kindred.server.config.KindredConfig.Builder> tweak, String sections)
            throws Exception {
        return sharingStore(n, tweak, sections, NODE_TTL_MS, s -> { });
    }

    /** As above, {@code beforeStart} setting up each node before it starts (e.g. a hand-moved timer). */
    static ClusterNodes sharingStore(int n,
            java.util.function.UnaryOperator<org.kindred.server.config.KindredConfig.Builder> tweak, String sections,
            java.util.function.Consumer<org.kindred.server.KindredServer> beforeStart) throws Exception {
        return sharingStore(n, tweak, sections, NODE_TTL_MS, beforeStart);
    }

    /**
     * As above, a dead node's members listed for {@code nodeTtlMs}: with minutes, the nodes' background
     * work (liveness, sweeps) is minutes apart, for counting what a request costs in Redis.
     */
    static ClusterNodes sharingStore(int n,
            java.util.function.UnaryOperator<org.kindred.server.config.KindredConfig.Builder> tweak, String sections,
            long nodeTtlMs) throws Exception {
        return sharingStore(n, tweak, sections, nodeTtlMs, s -> { });
    }

    private static ClusterNodes sharingStore(int n,
            java.util.function.UnaryOperator<org.kindred.server.config.KindredConfig.Builder> tweak, String sections,
            long nodeTtlMs, java.util.function.Consumer<org.kindred.server.KindredServer> beforeStart)
            throws Exception {
        org.kindred.server.testing.PostgresServer pg = org.kindred.server.testing.PostgresServer.shared();
        String url = pg.trustedUrl(pg.createDatabase());
        return new ClusterNodes(RedisServer.shared(), n, freshPrefix(), b -> tweak.apply(b.database(url)), sections,
                nodeTtlMs, beforeStart);
    }

    /** Starts one more node of this cluster. */
    TestServer add() throws Exception {
        TestServer s = TestServer.single(b -> tweak.apply(b.redis(redis.uri()).secretKeyFile(secret)), sections,
                k -> beforeStart.accept(k.redisKeys(prefix, nodeTtlMs)));
        nodes.add(s);
        return s;
    }

    TestServer node(int i) {
        return nodes.get(i);
    }

    List<TestServer> all() {
        return nodes;
    }

    /** The keys' prefix of this cluster. */
    String prefix() {
        return prefix;
    }

    /** A fresh prefix, for a cluster of its own on a shared Redis. */
    static String freshPrefix() {
        return "c" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    /**
     * A new fingerprint secret file (32 random bytes) for every node of one cluster, as an operator
     * gives each node the same {@code --secret-key-file}: a ban by network fingerprint made on one
     * node then holds on the others. Its owner deletes it when the cluster closes.
     */
    static java.nio.file.Path sharedSecret() {
        try {
            java.nio.file.Path f = org.kindred.server.testing.TempPaths.file("kindred-secret", ".key");
            byte[] key = new byte[org.kindred.server.config.SecretKeyFile.BYTES];
            new java.security.SecureRandom().nextBytes(key);
            java.nio.file.Files.write(f, key);
            return f;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write a fingerprint secret", e);
        }
    }

    RedisServer redis() {
        return redis;
    }

    /**
     * Waits up to 5 s until some node has parked the dropped session of {@code token} in Redis
     * (where a resume on another node finds it); fails the test otherwise.
     */
    void awaitParked(String token) throws Exception {
        awaitParked(redis, prefix, token);
    }

    /** As {@link #awaitParked(String)}, for a cluster on {@code redis} under the keys' {@code prefix}. */
    static void awaitParked(RedisServer redis, String prefix, String token) throws Exception {
        long deadline = System.currentTimeMillis() + 5_000;
        String key = prefix + "park:" + org.kindred.server.common.Ids.hash(token);
        while (!"1".equals(redis.command("EXISTS", key))) {
            org.junit.jupiter.api.Assertions.assertTrue(System.currentTimeMillis() < deadline,
                    "the dropped session was parked");
            Thread.sleep(20);
        }
    }

    /** Closes every node (each deletes its data directory), then deletes the shared secret. */
    @Override
    public void close() throws Exception {
        for (TestServer s : nodes) {
            try {
                s.close();
            } catch (Exception e) {
                // best effort: the others still close
            }
        }
        java.nio.file.Files.deleteIfExists(secret);
    }
}
