package org.kindred.bench;

import static org.kindred.bench.Cells.cleanText;
import static org.kindred.bench.Cells.fmt;
import static org.kindred.bench.Cells.num;
import static org.kindred.bench.Cells.ratio;
import static org.kindred.bench.Cells.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The report's last section: the headline ratios of the latency scenario (the largest number of
 * members measured) and whether each Kindred server met issue 7's targets, plus the idle runs'
 * heap per member against its target.
 */
final class Headline {
    /** Targets from issue 7: CPU per delivery at most this many times bare Netty's (with moderation). */
    static final double CPU_VS_NETTY = 1.15;
    /** CPU per delivery at most this many times Node ws'. */
    static final double CPU_VS_NODE = 0.8;
    /** Heap after GC per idle member, bytes. */
    static final double HEAP_PER_MEMBER = 4096;
    /** Latency p99, ms. */
    static final double P99_MS = 10;

    private Headline() {
    }

    /** The Markdown section, or "" when the results hold no latency run. */
    static String markdown(Results r) {
        StringBuilder sb = new StringBuilder("\n### Headline\n\n");
        TreeSet<Integer> members = new TreeSet<>();
        for (JsonNode n : r.of("latency")) {
            members.add(n.path("members").asInt());
        }
        if (members.isEmpty()) {
            return "";
        }
        int m = members.last();
        JsonNode any = r.of("latency").get(0);
        int size = any.path("roomSize").asInt();
        JsonNode netty = r.get("latency", Results.NETTY, size, m);
        JsonNode node = r.get("latency", Results.NODE, size, m);
        sb.append(String.format(Locale.ROOT, "Rooms of %d, %d members, %s deliveries/s offered.%n%n", size, m,
                fmt(num(any, "offeredDeliveriesPerSec"), 0)));
        sb.append("| | CPU µs/delivery | × bare Netty (target ≤ " + CPU_VS_NETTY + "× with moderation) "
                + "| × Node ws (target ≤ " + CPU_VS_NODE + "×) | p99 ms (target ≤ " + fmt(P99_MS, 0) + ") | clean |\n");
        sb.append("|---|---:|---:|---:|---:|---|\n");
        for (String s : Results.ORDER) {
            JsonNode n = r.get("latency", s, size, m);
            if (n == null) {
                continue;
            }
            double cpu = num(n, "cpuMicrosPerDelivery");
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |\n", s, fmt(cpu, 2),
                    ratio(cpu, num(netty, "cpuMicrosPerDelivery")), ratio(cpu, num(node, "cpuMicrosPerDelivery")),
                    fmt(num(n, "p99Ms"), 2), cleanText(n)));
        }
        for (String k : Results.KINDREDS) {
            JsonNode n = r.get("latency", k, size, m);
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
        for (JsonNode n : r.of("idle")) {
            if (Results.KINDREDS.contains(n.path("server").asText())) {
                double heap = num(n, "heapPerMemberBytes");
                sb.append(String.format(Locale.ROOT, "%n%s idle %d members: %s bytes heap per member (%s)",
                        n.path("server").asText(), n.path("members").asInt(), fmt(heap, 0),
                        verdict(heap <= HEAP_PER_MEMBER)));
            }
        }
        return sb.append("\n").toString();
    }
}
