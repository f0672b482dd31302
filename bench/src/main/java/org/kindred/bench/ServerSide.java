package org.kindred.bench;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server side of a run: the node URLs members connect to and the processes whose CPU time is
 * the cost of serving them. One server is one URL and one process; a cluster is several Kindred
 * nodes (member <i>i</i> connects to node <i>i</i> mod <i>N</i>, so every room has members on
 * every node and its messages cross nodes) plus the Redis they share, and its cost per delivery is
 * the CPU time of all of those processes together.
 */
final class ServerSide {
    /** One measured process: a label for the results ({@code node1}, {@code redis} …) and its pid. */
    record Proc(String label, long pid) {
    }

    /**
     * CPU time of each process at one instant, in nanoseconds, in the order of {@link #procs()}:
     * utime + stime, stime alone, and the JVM's JIT compiler threads (0 for other programs).
     */
    record Sample(long[] cpu, long[] kernel, long[] jit) {
    }

    /**
     * What the processes spent between two samples, in nanoseconds: totals over all of them, and
     * the CPU time of each by label (in the order given).
     */
    record Window(long cpu, long kernel, long jit, Map<String, Long> cpuByLabel) {
        /** {@link #cpuByLabel()} in seconds, in the same order (the results' {@code serverCpuSecondsByProcess}). */
        Map<String, Double> secondsByLabel() {
            Map<String, Double> s = new LinkedHashMap<>();
            cpuByLabel.forEach((label, ns) -> s.put(label, ns / 1e9));
            return s;
        }
    }

    private final List<URI> urls;
    private final List<Proc> procs;

    private ServerSide(List<URI> urls, List<Proc> procs) {
        this.urls = urls;
        this.procs = procs;
    }

    /**
     * Reads {@code --url} and {@code --server-pid}.
     *
     * @param urls one WebSocket URL, or several separated by commas (one per node)
     * @param pids null (nothing measured), one pid, or several {@code LABEL=PID} separated by
     *     commas (a bare pid among them is labelled {@code serverN} by its position)
     * @throws IllegalArgumentException for an empty or malformed URL, a pid that is not a
     *     positive number, an empty or repeated label
     */
    static ServerSide parse(String urls, String pids) {
        List<URI> u = new ArrayList<>();
        for (String s : urls.split(",", -1)) {
            String t = s.strip();
            URI uri;
            try {
                uri = URI.create(t);
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null || !("ws".equals(uri.getScheme()) || "wss".equals(uri.getScheme()))
                    || uri.getHost() == null || uri.getPort() < 1) {
                throw new IllegalArgumentException("--url: \"" + t
                        + "\" (expected: ws://HOST:PORT/PATH, several separated by commas)");
            }
            u.add(uri);
        }
        List<Proc> p = new ArrayList<>();
        if (pids != null && !pids.isBlank()) {
            String[] parts = pids.split(",", -1);
            for (int i = 0; i < parts.length; i++) {
                String t = parts[i].strip();
                int eq = t.indexOf('=');
                String label = eq < 0 ? "server" + (i + 1) : t.substring(0, eq).strip();
                String num = eq < 0 ? t : t.substring(eq + 1).strip();
                long pid;
                try {
                    pid = Long.parseLong(num);
                } catch (NumberFormatException e) {
                    pid = -1;
                }
                if (pid < 1 || label.isEmpty() || p.stream().anyMatch(q -> q.label().equals(label))) {
                    throw new IllegalArgumentException("--server-pid: \"" + t
                            + "\" (expected: PID, or LABEL=PID,LABEL=PID with distinct labels, e.g. node1=4242,redis=4243)");
                }
                p.add(new Proc(label, pid));
            }
        }
        return new ServerSide(List.copyOf(u), List.copyOf(p));
    }

    /** How many nodes members are spread over (1 for one server). */
    int nodes() {
        return urls.size();
    }

    /** The URL member {@code index} (>= 0) connects to: node {@code index} mod {@link #nodes()}. */
    URI urlFor(int index) {
        return urls.get(index % urls.size());
    }

    List<Proc> procs() {
        return procs;
    }

    /** The first process (the one server, or the first node): whose heap and RSS the idle scenario reads; -1 when none. */
    long primaryPid() {
        return procs.isEmpty() ? -1 : procs.get(0).pid();
    }

    /** All pids separated by commas, as {@code perf stat -p} takes them; empty when none. */
    String pidList() {
        StringBuilder sb = new StringBuilder();
        for (Proc p : procs) {
            sb.append(sb.length() == 0 ? "" : ",").append(p.pid());
        }
        return sb.toString();
    }

    /** Reads every process's CPU times from /proc now; throws when one of them is gone. */
    Sample sample() throws IOException {
        int n = procs.size();
        long[] cpu = new long[n];
        long[] kernel = new long[n];
        long[] jit = new long[n];
        for (int i = 0; i < n; i++) {
            long pid = procs.get(i).pid();
            cpu[i] = ProcProbe.cpuNanos(pid);
            kernel[i] = ProcProbe.kernelNanos(pid);
            jit[i] = ProcProbe.jitNanos(pid);
        }
        return new Sample(cpu, kernel, jit);
    }

    /**
     * GC pauses so far of every JVM among the processes ({@link ProcProbe#gcPauses}), summed:
     * {count, total nanoseconds}; null when none could be read. A process labelled {@code redis}
     * is not asked (it is no JVM, and asking costs a jstat start on the generator's core). The
     * nodes are asked at the same time, so two nodes take about as long as one.
     */
    long[] gcPauses() {
        List<java.util.concurrent.CompletableFuture<long[]>> each = new ArrayList<>();
        for (Proc p : procs) {
            if (!p.label().equals("redis")) {
                java.util.concurrent.CompletableFuture<long[]> f = new java.util.concurrent.CompletableFuture<>();
                Thread t = new Thread(() -> f.complete(ProcProbe.gcPauses(p.pid())), "jstat-" + p.label());
                t.setDaemon(true);
                t.start();
                each.add(f);
            }
        }
        return sum(each.stream().map(java.util.concurrent.CompletableFuture::join).toList());
    }

    /** {count, ns} pairs added up, nulls (processes that are no JVM) left out; null when all are null. */
    static long[] sum(List<long[]> pauses) {
        long[] total = null;
        for (long[] p : pauses) {
            if (p != null) {
                total = total == null ? p.clone() : new long[] {total[0] + p[0], total[1] + p[1]};
            }
        }
        return total;
    }

    /** What every process spent from {@code before} to {@code after} (two samples of this server side). */
    Window between(Sample before, Sample after) {
        long cpu = 0;
        long kernel = 0;
        long jit = 0;
        Map<String, Long> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < procs.size(); i++) {
            long c = after.cpu()[i] - before.cpu()[i];
            cpu += c;
            kernel += after.kernel()[i] - before.kernel()[i];
            jit += after.jit()[i] - before.jit()[i];
            byLabel.put(procs.get(i).label(), c);
        }
        return new Window(cpu, kernel, jit, byLabel);
    }
}
