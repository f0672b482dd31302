package org.kindred.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The table of the {@code cluster} scenario: one Kindred node alone ({@code kindred}), one node
 * with Redis ({@code kindred-redis}) and several nodes sharing one Redis ({@code kindred-2nodes},
 * {@code kindred-3nodes} …; each also as {@code …-mod} with moderation on), measured in the same
 * run. The cost is the CPU time of every server-side process together (all nodes and Redis) per
 * delivery; ratios are against one node alone and one node with Redis of the same moderation
 * setting, same room size and members. GC pauses in the window are those of every node together.
 */
final class ClusterReport {
    static final String SCENARIO = "cluster";

    private ClusterReport() {
    }

    /** Whether {@code server} runs with moderation on (its name ends in {@code -mod}). */
    static boolean moderated(String server) {
        return server.endsWith("-mod");
    }

    /** The one node alone of the same moderation setting: {@code kindred} or {@code kindred-mod}. */
    static String oneNode(String server) {
        return moderated(server) ? "kindred-mod" : "kindred";
    }

    /** The one node with Redis of the same moderation setting: {@code kindred-redis} or {@code kindred-redis-mod}. */
    static String oneNodeWithRedis(String server) {
        return moderated(server) ? "kindred-redis-mod" : "kindred-redis";
    }

    /**
     * Share of the server side's CPU time that Redis took, from the run's
     * {@code serverCpuSecondsByProcess} (label {@code redis}); NaN when the run had no Redis.
     */
    static double redisShare(JsonNode n) {
        JsonNode redis = n.path("serverCpuSecondsByProcess").path("redis");
        double all = Cells.num(n, "serverCpuSeconds");
        return !redis.isNumber() || Double.isNaN(all) || all == 0 ? Double.NaN : redis.asDouble() / all;
    }

    /** The Markdown section, or "" when the results hold no cluster run. */
    static String markdown(Results r) {
        List<JsonNode> rows = new ArrayList<>(r.of(SCENARIO));
        if (rows.isEmpty()) {
            return "";
        }
        rows.sort(Comparator.<JsonNode>comparingInt(n -> n.path("roomSize").asInt())
                .thenComparingInt(n -> n.path("members").asInt())
                .thenComparing(n -> moderated(n.path("server").asText()))
                .thenComparingInt(n -> n.path("nodes").asInt(1))
                .thenComparing(n -> n.path("serverCpuSecondsByProcess").has("redis")));
        StringBuilder sb = new StringBuilder("\n### Several nodes sharing one Redis (clients split across the nodes)\n\n");
        sb.append("Server CPU is the sum over every server-side process (all nodes and Redis), all pinned to the "
                + "same core; member i is on node i mod N, so every room has members on every node.\n\n");
        sb.append("| room size | members | server | nodes | offered deliveries/s | delivered/s | server CPU (all processes) "
                + "| of which Redis | CPU µs/delivery | syscalls/delivery | CPU × one node | CPU × one node + Redis "
                + "| p50 ms | p99 ms | p99 × one node | p99 × one node + Redis | server GC pauses (ms) "
                + "| generator GC pauses (ms) | loss/reorder |\n");
        sb.append("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (JsonNode n : rows) {
            int size = n.path("roomSize").asInt();
            int members = n.path("members").asInt();
            String server = n.path("server").asText();
            JsonNode alone = r.get(SCENARIO, oneNode(server), size, members);
            JsonNode withRedis = r.get(SCENARIO, oneNodeWithRedis(server), size, members);
            double cpu = Cells.num(n, "cpuMicrosPerDelivery");
            double p99 = Cells.num(n, "p99Ms");
            double redis = redisShare(n);
            sb.append(String.format(Locale.ROOT,
                    "| %d | %d | %s | %d | %s | %s | %s%% | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
                    size, members, server, n.path("nodes").asInt(1), Cells.fmt(Cells.num(n, "offeredDeliveriesPerSec"), 0),
                    Cells.delivered(n), Cells.fmt(100 * Cells.num(n, "serverCpuUtil"), 0),
                    Double.isNaN(redis) ? "–" : Cells.fmt(100 * redis, 0) + "%", Cells.fmt(cpu, 2),
                    Cells.fmt(Cells.num(n, "syscallsPerDelivery"), 3),
                    Cells.ratio(cpu, Cells.num(alone, "cpuMicrosPerDelivery")),
                    Cells.ratio(cpu, Cells.num(withRedis, "cpuMicrosPerDelivery")),
                    Cells.fmt(Cells.num(n, "p50Ms"), 2), Cells.fmt(p99, 2),
                    Cells.ratio(p99, Cells.num(alone, "p99Ms")), Cells.ratio(p99, Cells.num(withRedis, "p99Ms")),
                    Cells.pauses(n, "serverGc"), Cells.pauses(n, "generatorGc"), Cells.cleanText(n)));
        }
        return sb.toString();
    }
}
