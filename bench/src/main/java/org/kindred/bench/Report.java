package org.kindred.bench;

import static org.kindred.bench.Cells.cleanText;
import static org.kindred.bench.Cells.delivered;
import static org.kindred.bench.Cells.fmt;
import static org.kindred.bench.Cells.num;
import static org.kindred.bench.Cells.pauses;
import static org.kindred.bench.Cells.ratio;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Turns the generator's JSON lines (one per run, read as {@link Results}) into Markdown tables
 * with every Kindred number also given as a ratio to the baselines measured in the same run.
 * {@code java -jar kindred-bench.jar report results.jsonl [--headline] [--pipeline-us µs]}
 * prints the whole report (or only its {@link Headline}) to standard output.
 */
public final class Report {
    private final Results results;
    /** CPU µs per message of the moderation pipeline plus risk assessment (JMH module's CpuTimeRun), or NaN. */
    private double pipelineMicros = Double.NaN;

    /** @param results the runs to table */
    Report(Results results) {
        this.results = results;
    }

    /**
     * {@code args}: the results file (default {@code bench/results/results.jsonl}), then
     * {@code --headline} for the headline alone, {@code --pipeline-us µs} for the cross-check.
     */
    public static void main(String[] args) throws IOException {
        Report r = new Report(Results.read(Path.of(args.length > 0 ? args[0] : "bench/results/results.jsonl")));
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

    /** Every section that has runs, in order; the headline last. */
    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append(fanout("fanout", "Fan-out"));
        sb.append(bursts());
        sb.append(fanout("latency", "Fixed rate (the latency scenario), CPU side"));
        sb.append(latency());
        sb.append(ClusterReport.markdown(results));
        sb.append(idle());
        sb.append(projection());
        sb.append(headline());
        return sb.toString();
    }

    /** The {@link Headline} section. */
    String headline() {
        return Headline.markdown(results);
    }

    /**
     * Cross-check of the measured {@code kindred-mod} numbers: the cost per message of the
     * pipeline and the risk assessment,
     * measured in the same run by CPU time, added to moderation-off Kindred's cost per delivery,
     * divided over the room. "" without a pipeline measurement.
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
                + "| × bare Netty (target ≤ " + Headline.CPU_VS_NETTY + "×) | × Node ws (target ≤ "
                + Headline.CPU_VS_NODE + "×) |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (String scenario : List.of("fanout", "latency")) {
            for (JsonNode n : results.of(scenario)) {
                if (!n.path("server").asText().equals("kindred")) {
                    continue;
                }
                int size = n.path("roomSize").asInt();
                double k = num(n, "cpuMicrosPerDelivery");
                double add = pipelineMicros / size;
                sb.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s |\n", scenario, size,
                        fmt(k, 2), fmt(add, 3), fmt(k + add, 2), vsBaseline(k + add, n, Results.NETTY),
                        vsBaseline(k + add, n, Results.NODE)));
            }
        }
        return sb.toString();
    }

    /** {@code value} as a ratio to the CPU per delivery of {@code server}'s smooth run beside {@code n}. */
    private String vsBaseline(double value, JsonNode n, String server) {
        return ratio(value, num(results.smoothBeside(n, server), "cpuMicrosPerDelivery"));
    }

    /**
     * One section: a heading, the table's header and alignment lines (each ending in a newline)
     * and a row per run of {@code scenario} ({@link Results#of} order); "" when it has no run.
     */
    private String table(String scenario, String heading, String header, String align, Function<JsonNode, String> row) {
        List<JsonNode> rows = results.of(scenario);
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\n### " + heading + "\n\n").append(header).append(align);
        for (JsonNode n : rows) {
            sb.append(row.apply(n));
        }
        return sb.toString();
    }

    private String fanout(String scenario, String title) {
        return table(scenario, title, "| room size | members | server | offered deliveries/s | delivered/s | server CPU "
                + "| in kernel | in JIT compiler | CPU µs/delivery "
                + "| deliveries/s per core | syscalls/delivery | CPU × bare Netty | CPU × Node ws | loss/reorder |\n",
                "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n", n -> {
                    double cpu = num(n, "cpuMicrosPerDelivery");
                    return String.format(Locale.ROOT, "| %d | %d | %s | %s | %s | %s%% | %s%% | %s%% | %s | %s | %s "
                            + "| %s | %s | %s |\n",
                            n.path("roomSize").asInt(), n.path("members").asInt(), n.path("server").asText(),
                            fmt(num(n, "offeredDeliveriesPerSec"), 0), delivered(n),
                            fmt(100 * num(n, "serverCpuUtil"), 0), fmt(100 * num(n, "serverKernelShare"), 0),
                            fmt(100 * num(n, "serverJitShare"), 0), fmt(cpu, 2),
                            fmt(num(n, "deliveriesPerCoreSecond"), 0), fmt(num(n, "syscallsPerDelivery"), 3),
                            vsBaseline(cpu, n, Results.NETTY), vsBaseline(cpu, n, Results.NODE), cleanText(n));
                });
    }

    /**
     * The burst scenario: the same offered rate as fan-out, released in groups of several
     * messages to one room; system calls and CPU per delivery also as a ratio to the same server,
     * shape and offered rate in the smooth fan-out run, where one is in the same results.
     */
    String bursts() {
        return table("burst", "Bursts (fan-out rate, released in groups to one room)",
                "| room size | members | server | burst | offered deliveries/s | delivered/s | server CPU "
                + "| CPU µs/delivery | syscalls/delivery | syscalls × smooth | CPU × smooth | CPU × bare Netty "
                + "| CPU × Node ws | p99 ms | loss/reorder |\n",
                "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n", n -> {
                    int size = n.path("roomSize").asInt();
                    int members = n.path("members").asInt();
                    int burst = Results.burst(n);
                    JsonNode smooth = results.get("fanout", n.path("server").asText(), size, members);
                    if (num(smooth, "offeredDeliveriesPerSec") != num(n, "offeredDeliveriesPerSec")) {
                        smooth = null; // only the same offered rate compares
                    }
                    JsonNode netty = results.get("burst", Results.NETTY, size, members, burst);
                    JsonNode node = results.get("burst", Results.NODE, size, members, burst);
                    double cpu = num(n, "cpuMicrosPerDelivery");
                    double sys = num(n, "syscallsPerDelivery");
                    return String.format(Locale.ROOT, "| %d | %d | %s | %d | %s | %s | %s%% | %s | %s | %s | %s "
                            + "| %s | %s | %s | %s |\n", size, members, n.path("server").asText(), burst,
                            fmt(num(n, "offeredDeliveriesPerSec"), 0), delivered(n),
                            fmt(100 * num(n, "serverCpuUtil"), 0), fmt(cpu, 2), fmt(sys, 3),
                            ratio(sys, num(smooth, "syscallsPerDelivery")),
                            ratio(cpu, num(smooth, "cpuMicrosPerDelivery")),
                            ratio(cpu, num(netty, "cpuMicrosPerDelivery")),
                            ratio(cpu, num(node, "cpuMicrosPerDelivery")), fmt(num(n, "p99Ms"), 2), cleanText(n));
                });
    }

    private String latency() {
        return table("latency", "Latency at a fixed rate", "| room size | members | server | offered deliveries/s "
                + "| p50 ms | p99 ms | p99.9 ms | max ms "
                + "| p99 × bare Netty | p99 × Node ws | server GC pauses (ms) | generator GC pauses (ms) |\n",
                "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n", n -> {
                    double p99 = num(n, "p99Ms");
                    return String.format(Locale.ROOT, "| %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
                            n.path("roomSize").asInt(), n.path("members").asInt(), n.path("server").asText(),
                            fmt(num(n, "offeredDeliveriesPerSec"), 0), fmt(num(n, "p50Ms"), 2), fmt(p99, 2),
                            fmt(num(n, "p999Ms"), 2), fmt(num(n, "maxMs"), 2),
                            ratio(p99, num(results.smoothBeside(n, Results.NETTY), "p99Ms")),
                            ratio(p99, num(results.smoothBeside(n, Results.NODE), "p99Ms")),
                            pauses(n, "serverGc"), pauses(n, "generatorGc"));
                });
    }

    private String idle() {
        return table("idle", "Idle members", "| members | server | heap after GC per member (bytes) "
                + "| RSS per connection (bytes) | heap × bare Netty | RSS × bare Netty | RSS × Node ws |\n",
                "|---:|---|---:|---:|---:|---:|---:|\n", n -> {
                    JsonNode netty = results.smoothBeside(n, Results.NETTY);
                    double heap = num(n, "heapPerMemberBytes");
                    double rss = num(n, "rssPerMemberBytes");
                    return String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s | %s |\n",
                            n.path("members").asInt(), n.path("server").asText(), fmt(heap, 0), fmt(rss, 0),
                            ratio(heap, num(netty, "heapPerMemberBytes")), ratio(rss, num(netty, "rssPerMemberBytes")),
                            ratio(rss, num(results.smoothBeside(n, Results.NODE), "rssPerMemberBytes")));
                });
    }
}
