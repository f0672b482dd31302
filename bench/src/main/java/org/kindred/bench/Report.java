package org.kindred.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns the generator's JSON lines (one per run) into Markdown tables with every Kindred number
 * also given as a ratio to the baselines measured in the same run. The last line for the same
 * scenario, server, shape and burst size wins (lines without a burst size were smooth: 1). {@code java -jar kindred-bench.jar report results.jsonl}
 */
public final class Report {
    public static final String NETTY = "netty";
    public static final String NODE = "node";
    public static final List<String> KINDREDS = List.of("kindred", "kindred-mod");
    public static final List<String> ORDER = List.of(NETTY, NODE, "kindred", "kindred-mod");

    /** Targets from issue 7. */
    static final double CPU_VS_NETTY = 1.15;
    static final double CPU_VS_NODE = 0.8;
    static final double HEAP_PER_MEMBER = 4096;
    static final double P99_MS = 10;

    private final Map<String, JsonNode> runs = new LinkedHashMap<>();
    /** CPU µs per message of the moderation pipeline plus risk assessment (JMH module's CpuTimeRun), or NaN. */
    private double pipelineMicros = Double.NaN;

    Report(List<JsonNode> lines) {
        for (JsonNode n : lines) {
            runs.put(key(n.path("scenario").asText(), n.path("server").asText(), n.path("roomSize").asInt(),
                    n.path("members").asInt(), burst(n)), n);
        }
    }

    public static void main(String[] args) throws IOException {
        ObjectMapper m = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args.length > 0 ? args[0] : "bench/results/results.jsonl"))) {
            if (!line.isBlank()) {
                lines.add(m.readTree(line));
            }
        }
        Report r = new Report(lines);
        boolean headline = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--headline")) {
                headline = true;
            } else if (args[i].equals("--pipeline-us") && i + 1 < args.length) {
                r.pipelineMicros(Double.parseDouble(args[++i]));
            }
        }
        System.out.print(headline ? r.headline() : r.markdown());
    }

    /** Sets the pipeline's CPU µs per message for the projection. */
    Report pipelineMicros(double micros) {
        this.pipelineMicros = micros;
        return this;
    }

    static String key(String scenario, String server, int roomSize, int members, int burst) {
        return scenario + "/" + server + "/" + roomSize + "/" + members + "/" + burst;
    }

    /** Messages per burst of a run; 1 (smooth) for lines written before bursts existed. */
    static int burst(JsonNode n) {
        return n.path("burst").asInt(1);
    }

    JsonNode get(String scenario, String server, int roomSize, int members) {
        return get(scenario, server, roomSize, members, 1);
    }

    JsonNode get(String scenario, String server, int roomSize, int members, int burst) {
        return runs.get(key(scenario, server, roomSize, members, burst));
    }

    List<JsonNode> of(String scenario) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : runs.values()) {
            if (n.path("scenario").asText().equals(scenario)) {
                out.add(n);
            }
        }
        out.sort((a, b) -> {
            int c = Integer.compare(a.path("roomSize").asInt(), b.path("roomSize").asInt());
            c = c != 0 ? c : Integer.compare(a.path("members").asInt(), b.path("members").asInt());
            c = c != 0 ? c : Integer.compare(burst(a), burst(b));
            return c != 0 ? c : Integer.compare(rank(a), rank(b));
        });
        return out;
    }

    private static int rank(JsonNode n) {
        int i = ORDER.indexOf(n.path("server").asText());
        return i < 0 ? ORDER.size() : i;
    }

    /** {@code a / b} as "1.23×", or "–" when either is missing. */
    static String ratio(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || b == 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2f×", a / b);
    }

    static double num(JsonNode n, String field) {
        return n == null || !n.path(field).isNumber() ? Double.NaN : n.path(field).asDouble();
    }

    static String fmt(double v, int decimals) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append(fanout("fanout", "Fan-out"));
        sb.append(bursts());
        sb.append(fanout("latency", "Fixed rate (the latency scenario), CPU side"));
        sb.append(latency());
        sb.append(ClusterReport.markdown(this));
        sb.append(idle());
        sb.append(projection());
        sb.append(headline());
        return sb.toString();
    }

    /**
     * Cross-check of the measured {@code kindred-mod} numbers: the cost per message of the
     * pipeline and the risk assessment,
     * measured in the same run by CPU time, added to moderation-off Kindred's cost per delivery,
     * divided over the room.
     */
    String projection() {
        if (Double.isNaN(pipelineMicros)) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\n### Cross-check: moderation off plus the pipeline's and risk assessment's own cost\n\n");
        sb.append(String.format(Locale.ROOT, "Moderation pipeline plus risk assessment: %.2f µs CPU per message (measured in this run). "
                + "Per delivery that is %.2f µs ÷ room size, added to moderation-off Kindred's measured cost; compare "
                + "with the measured kindred-mod rows above.%n%n",
                pipelineMicros, pipelineMicros));
        sb.append("| scenario | room size | Kindred µs/delivery | + pipeline and risk | projected µs/delivery "
                + "| × bare Netty (target ≤ " + CPU_VS_NETTY + "×) | × Node ws (target ≤ " + CPU_VS_NODE + "×) |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (String scenario : List.of("fanout", "latency")) {
            for (JsonNode n : of(scenario)) {
                if (!n.path("server").asText().equals("kindred")) {
                    continue;
                }
                int size = n.path("roomSize").asInt();
                JsonNode netty = get(scenario, NETTY, size, n.path("members").asInt());
                JsonNode node = get(scenario, NODE, size, n.path("members").asInt());
                double k = num(n, "cpuMicrosPerDelivery");
                double add = pipelineMicros / size;
                sb.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s |\n", scenario, size,
                        fmt(k, 2), fmt(add, 3), fmt(k + add, 2), ratio(k + add, num(netty, "cpuMicrosPerDelivery")),
                        ratio(k + add, num(node, "cpuMicrosPerDelivery"))));
            }
        }
        return sb.toString();
    }

    private String fanout(String scenario, String title) {
        List<JsonNode> rows = of(scenario);
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\n### " + title + "\n\n");
        sb.append("| room size | members | server | offered deliveries/s | delivered/s | server CPU | in kernel | in JIT compiler | CPU µs/delivery "
                + "| deliveries/s per core | syscalls/delivery | CPU × bare Netty | CPU × Node ws | loss/reorder |\n");
        sb.append("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (JsonNode n : rows) {
            JsonNode netty = get(scenario, NETTY, n.path("roomSize").asInt(), n.path("members").asInt());
            JsonNode node = get(scenario, NODE, n.path("roomSize").asInt(), n.path("members").asInt());
            double cpu = num(n, "cpuMicrosPerDelivery");
            sb.append(String.format(Locale.ROOT, "| %d | %d | %s | %s | %s | %s%% | %s%% | %s%% | %s | %s | %s | %s | %s | %s |\n",
                    n.path("roomSize").asInt(), n.path("members").asInt(), n.path("server").asText(),
                    fmt(num(n, "offeredDeliveriesPerSec"), 0), delivered(n),
                    fmt(100 * num(n, "serverCpuUtil"), 0), fmt(100 * num(n, "serverKernelShare"), 0),
                    fmt(100 * num(n, "serverJitShare"), 0), fmt(cpu, 2), fmt(num(n, "deliveriesPerCoreSecond"), 0),
                    fmt(num(n, "syscallsPerDelivery"), 3), ratio(cpu, num(netty, "cpuMicrosPerDelivery")),
                    ratio(cpu, num(node, "cpuMicrosPerDelivery")), cleanText(n)));
        }
        return sb.toString();
    }

    /**
     * The burst scenario: the same offered rate as fan-out, released in groups of several
     * messages to one room; system calls and CPU per delivery also as a ratio to the same server,
     * shape and offered rate in the smooth fan-out run, where one is in the same results.
     */
    String bursts() {
        List<JsonNode> rows = of("burst");
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\n### Bursts (fan-out rate, released in groups to one room)\n\n");
        sb.append("| room size | members | server | burst | offered deliveries/s | delivered/s | server CPU "
                + "| CPU µs/delivery | syscalls/delivery | syscalls × smooth | CPU × smooth | CPU × bare Netty "
                + "| CPU × Node ws | p99 ms | loss/reorder |\n");
        sb.append("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (JsonNode n : rows) {
            int size = n.path("roomSize").asInt();
            int members = n.path("members").asInt();
            int burst = burst(n);
            JsonNode smooth = get("fanout", n.path("server").asText(), size, members);
            if (num(smooth, "offeredDeliveriesPerSec") != num(n, "offeredDeliveriesPerSec")) {
                smooth = null; // only the same offered rate compares
            }
            JsonNode netty = get("burst", NETTY, size, members, burst);
            JsonNode node = get("burst", NODE, size, members, burst);
            double cpu = num(n, "cpuMicrosPerDelivery");
            double sys = num(n, "syscallsPerDelivery");
            sb.append(String.format(Locale.ROOT, "| %d | %d | %s | %d | %s | %s | %s%% | %s | %s | %s | %s | %s | %s "
                    + "| %s | %s |\n", size, members, n.path("server").asText(), burst,
                    fmt(num(n, "offeredDeliveriesPerSec"), 0), delivered(n), fmt(100 * num(n, "serverCpuUtil"), 0),
                    fmt(cpu, 2), fmt(sys, 3), ratio(sys, num(smooth, "syscallsPerDelivery")),
                    ratio(cpu, num(smooth, "cpuMicrosPerDelivery")), ratio(cpu, num(netty, "cpuMicrosPerDelivery")),
                    ratio(cpu, num(node, "cpuMicrosPerDelivery")), fmt(num(n, "p99Ms"), 2), cleanText(n)));
        }
        return sb.toString();
    }

    /** Delivered per second, flagged when the server kept up with less than 95 % of the offered load. */
    static String delivered(JsonNode n) {
        double got = num(n, "deliveriesPerSec");
        String s = fmt(got, 0);
        return got < 0.95 * num(n, "offeredDeliveriesPerSec") ? s + " (saturated)" : s;
    }

    /** "none" for a clean run, else what went wrong (still queued after the drain, or loss, reorder, errors). */
    static String cleanText(JsonNode n) {
        if (n.path("clean").asBoolean() && n.path("ok").asBoolean()) {
            return "none";
        }
        if (n.path("missing").asLong() > 0 && n.path("gaps").asLong() == 0 && n.path("reordered").asLong() == 0
                && n.path("duplicates").asLong() == 0 && n.path("errors").asLong() == 0) {
            return String.format(Locale.ROOT, "%d still queued after the %ds drain (server behind), no gaps or "
                    + "reordering", n.path("missing").asLong(), n.path("drainSeconds").asInt());
        }
        return String.format(Locale.ROOT, "missing %d, gaps %d, reordered %d, dup %d, errors %d",
                n.path("missing").asLong(), n.path("gaps").asLong(), n.path("reordered").asLong(),
                n.path("duplicates").asLong(), n.path("errors").asLong());
    }

    private String latency() {
        List<JsonNode> rows = of("latency");
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\n### Latency at a fixed rate\n\n");
        sb.append("| room size | members | server | offered deliveries/s | p50 ms | p99 ms | p99.9 ms | max ms "
                + "| p99 × bare Netty | p99 × Node ws | server GC pauses (ms) | generator GC pauses (ms) |\n");
        sb.append("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (JsonNode n : rows) {
            JsonNode netty = get("latency", NETTY, n.path("roomSize").asInt(), n.path("members").asInt());
            JsonNode node = get("latency", NODE, n.path("roomSize").asInt(), n.path("members").asInt());
            double p99 = num(n, "p99Ms");
            sb.append(String.format(Locale.ROOT, "| %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
                    n.path("roomSize").asInt(), n.path("members").asInt(), n.path("server").asText(),
                    fmt(num(n, "offeredDeliveriesPerSec"), 0), fmt(num(n, "p50Ms"), 2), fmt(p99, 2),
                    fmt(num(n, "p999Ms"), 2), fmt(num(n, "maxMs"), 2), ratio(p99, num(netty, "p99Ms")),
                    ratio(p99, num(node, "p99Ms")), pauses(n, "serverGc"), pauses(n, "generatorGc")));
        }
        return sb.toString();
    }

    /** "count (total ms)" of the GC pauses in the measured window, "–" when not measured. */
    static String pauses(JsonNode n, String prefix) {
        long count = n.path(prefix + "Pauses").asLong(-1);
        return count < 0 ? "–" : count + " (" + fmt(num(n, prefix + "Ms"), 0) + ")";
    }

    private String idle() {
        List<JsonNode> rows = of("idle");
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\n### Idle members\n\n");
        sb.append("| members | server | heap after GC per member (bytes) | RSS per connection (bytes) "
                + "| heap × bare Netty | RSS × bare Netty | RSS × Node ws |\n");
        sb.append("|---:|---|---:|---:|---:|---:|---:|\n");
        for (JsonNode n : rows) {
            JsonNode netty = get("idle", NETTY, n.path("roomSize").asInt(), n.path("members").asInt());
            JsonNode node = get("idle", NODE, n.path("roomSize").asInt(), n.path("members").asInt());
            double heap = num(n, "heapPerMemberBytes");
            double rss = num(n, "rssPerMemberBytes");
            sb.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s | %s |\n", n.path("members").asInt(),
                    n.path("server").asText(), fmt(heap, 0), fmt(rss, 0), ratio(heap, num(netty, "heapPerMemberBytes")),
                    ratio(rss, num(netty, "rssPerMemberBytes")), ratio(rss, num(node, "rssPerMemberBytes"))));
        }
        return sb.toString();
    }

    /** The headline ratios and the targets, from the latency scenario (rooms of 100). */
    String headline() {
        StringBuilder sb = new StringBuilder("\n### Headline\n\n");
        TreeSet<Integer> members = new TreeSet<>();
        for (JsonNode n : of("latency")) {
            members.add(n.path("members").asInt());
        }
        if (members.isEmpty()) {
            return "";
        }
        int m = members.last();
        JsonNode any = of("latency").get(0);
        int size = any.path("roomSize").asInt();
        JsonNode netty = get("latency", NETTY, size, m);
        JsonNode node = get("latency", NODE, size, m);
        sb.append(String.format(Locale.ROOT, "Rooms of %d, %d members, %s deliveries/s offered.%n%n", size, m,
                fmt(num(any, "offeredDeliveriesPerSec"), 0)));
        sb.append("| | CPU µs/delivery | × bare Netty (target ≤ " + CPU_VS_NETTY + "× with moderation) "
                + "| × Node ws (target ≤ " + CPU_VS_NODE + "×) | p99 ms (target ≤ " + fmt(P99_MS, 0) + ") | clean |\n");
        sb.append("|---|---:|---:|---:|---:|---|\n");
        for (String s : ORDER) {
            JsonNode n = get("latency", s, size, m);
            if (n == null) {
                continue;
            }
            double cpu = num(n, "cpuMicrosPerDelivery");
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |\n", s, fmt(cpu, 2),
                    ratio(cpu, num(netty, "cpuMicrosPerDelivery")), ratio(cpu, num(node, "cpuMicrosPerDelivery")),
                    fmt(num(n, "p99Ms"), 2), cleanText(n)));
        }
        for (String k : KINDREDS) {
            JsonNode n = get("latency", k, size, m);
            if (n == null) {
                continue;
            }
            double cpu = num(n, "cpuMicrosPerDelivery");
            double vsNetty = cpu / num(netty, "cpuMicrosPerDelivery");
            double vsNode = cpu / num(node, "cpuMicrosPerDelivery");
            sb.append(String.format(Locale.ROOT, "%n%s: CPU %s bare Netty (%s), %s Node ws (%s), p99 %s ms (%s)",
                    k, ratio(cpu, num(netty, "cpuMicrosPerDelivery")), verdict(vsNetty <= CPU_VS_NETTY),
                    ratio(cpu, num(node, "cpuMicrosPerDelivery")), verdict(vsNode <= CPU_VS_NODE),
                    fmt(num(n, "p99Ms"), 2), verdict(num(n, "p99Ms") <= P99_MS)));
        }
        for (JsonNode n : of("idle")) {
            if (KINDREDS.contains(n.path("server").asText())) {
                double heap = num(n, "heapPerMemberBytes");
                sb.append(String.format(Locale.ROOT, "%n%s idle %d members: %s bytes heap per member (%s)",
                        n.path("server").asText(), n.path("members").asInt(), fmt(heap, 0),
                        verdict(heap <= HEAP_PER_MEMBER)));
            }
        }
        return sb.append("\n").toString();
    }

    private static String verdict(boolean met) {
        return met ? "target met" : "TARGET MISSED";
    }
}
