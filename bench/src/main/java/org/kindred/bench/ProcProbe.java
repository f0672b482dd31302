package org.kindred.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the generator reads about the server process: CPU time, RSS, heap after GC, GC pauses, system calls. */
public final class ProcProbe {
    private static final Pattern G1_USED = Pattern.compile("total \\d+K, used (\\d+)K");
    private static final Pattern HEAP_USED = Pattern.compile("\"heapUsed\"\\s*:\\s*(\\d+)");
    private static final long CLK_TCK = clockTicks();

    private ProcProbe() {
    }

    /** utime + stime of the process (all threads), in nanoseconds, from /proc/PID/stat. */
    public static long cpuNanos(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return parseCpuTicks(stat) * (1_000_000_000L / CLK_TCK);
    }

    /**
     * CPU time of the JVM's JIT compiler threads ("C1/C2 CompilerThre…"), in nanoseconds; 0 for
     * other runtimes. Shows how much of a window still went to warming up.
     */
    public static long jitNanos(long pid) throws IOException {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
                        ticks += parseCpuTicks(stat);
                    }
                } catch (IOException gone) {
                    // the thread ended meanwhile
                }
            }
        }
        return ticks * (1_000_000_000L / CLK_TCK);
    }

    /** stime alone (time in the kernel: system calls, and on loopback the receiving side of TCP too). */
    public static long kernelNanos(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return parseTicks(stat)[1] * (1_000_000_000L / CLK_TCK);
    }

    /** utime + stime in clock ticks; fields 14 and 15, counted after the ")" closing the command name. */
    static long parseCpuTicks(String stat) {
        long[] t = parseTicks(stat);
        return t[0] + t[1];
    }

    /** {utime, stime} in clock ticks. */
    static long[] parseTicks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // f[0] is field 3 (state); utime is field 14, stime field 15.
        return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
    }

    /** Resident set size in bytes, from /proc/PID/status. */
    public static long rssBytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS for " + pid);
    }

    /**
     * Heap in use right after a full GC, in bytes. {@code how} is {@code jcmd} for a JVM, or an
     * http URL that answers JSON with {@code heapUsed} after collecting (the Node baseline).
     */
    public static long heapAfterGc(long pid, String how) throws IOException, InterruptedException {
        if (how.startsWith("http")) {
            HttpClient c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(how)).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = HEAP_USED.matcher(r.body());
            if (!m.find()) {
                throw new IOException("no heapUsed in " + r.body());
            }
            return Long.parseLong(m.group(1));
        }
        run(List.of("jcmd", Long.toString(pid), "GC.run"));
        return parseG1Used(run(List.of("jcmd", Long.toString(pid), "GC.heap_info")));
    }

    static long parseG1Used(String heapInfo) throws IOException {
        Matcher m = G1_USED.matcher(heapInfo);
        if (!m.find()) {
            throw new IOException("cannot read heap use from: " + heapInfo);
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    /**
     * Garbage-collection pauses of a JVM so far, from {@code jstat -gc PID}: {count, total time in
     * nanoseconds} over young, full and concurrent-cycle pauses (G1's remark and cleanup); null when
     * the process is not a JVM jstat can read (the Node baseline). Taken at the start and end of the
     * measured window, the difference says how much of the window the server stood still, which is
     * what moves a p99 at a fixed rate.
     */
    public static long[] gcPauses(long pid) {
        try {
            return parseJstatGc(run(List.of("jstat", "-gc", Long.toString(pid))));
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** {YGC + FGC + CGC, GCT in ns} from {@code jstat -gc} output (a header line and a value line), or null. */
    static long[] parseJstatGc(String out) {
        String[] lines = out.trim().split("\\R");
        if (lines.length < 2) {
            return null;
        }
        List<String> names = List.of(lines[0].trim().split("\\s+"));
        String[] values = lines[1].trim().split("\\s+");
        if (names.size() != values.length) {
            return null;
        }
        long count = 0;
        for (String n : List.of("YGC", "FGC", "CGC")) {
            int i = names.indexOf(n);
            if (i >= 0 && !values[i].equals("-")) {
                count += Long.parseLong(values[i]);
            }
        }
        int t = names.indexOf("GCT");
        if (t < 0) {
            return null;
        }
        return new long[] {count, Math.round(Double.parseDouble(values[t]) * 1e9)};
    }

    /** Counts the process's system calls with {@code perf stat -e raw_syscalls:sys_enter} for a while. */
    public static final class SyscallCounter {
        private final Process perf;
        private final Path out;

        private SyscallCounter(Process perf, Path out) {
            this.perf = perf;
            this.out = out;
        }

        /** Starts counting for at most {@code seconds}; null when perf is not usable here. */
        public static SyscallCounter start(long pid, double seconds) {
            return start(Long.toString(pid), seconds);
        }

        /**
         * Counts the system calls of several processes together ({@code pids} separated by
         * commas, as {@code perf stat -p} takes them) for at most {@code seconds}; null when perf
         * is not usable here or no pid is given.
         */
        public static SyscallCounter start(String pids, double seconds) {
            if (pids.isEmpty()) {
                return null;
            }
            try {
                Path out = Files.createTempFile("perf-syscalls", ".csv");
                try {
                    Process p = new ProcessBuilder("perf", "stat", "-x", ",", "-e", "raw_syscalls:sys_enter", "-p",
                            pids, "-o", out.toString(), "--", "sleep", String.format("%.3f", seconds))
                            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    return new SyscallCounter(p, out);
                } catch (IOException e) {
                    Files.deleteIfExists(out); // no perf here: its output file is not needed
                    return null;
                }
            } catch (IOException e) {
                return null;
            }
        }

        /** Waits for the count; -1 when unavailable. */
        public long await() throws InterruptedException, IOException {
            try {
                if (!perf.waitFor(120, TimeUnit.SECONDS)) {
                    perf.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    return -1;
                }
                return parsePerfCsv(Files.readString(out));
            } finally {
                Files.deleteIfExists(out);
            }
        }
    }

    /** The count from {@code perf stat -x ,} output, or -1. */
    static long parsePerfCsv(String csv) {
        for (String line : csv.split("\n")) {
            String[] f = line.split(",");
            if (f.length > 2 && f[2].contains("raw_syscalls:sys_enter")) {
                try {
                    return Long.parseLong(f[0].trim());
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroy();
            throw new IOException("timed out: " + cmd);
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static long clockTicks() {
        try {
            String s = run(List.of("getconf", "CLK_TCK")).trim();
            return Long.parseLong(s);
        } catch (IOException | InterruptedException | NumberFormatException e) {
            return 100;
        }
    }
}
