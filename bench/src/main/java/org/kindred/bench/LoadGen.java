package org.kindred.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The load generator: one JVM, thousands of WebSocket members over Netty. Opens the members
 * ({@link MemberConnections}), then either measures the server's memory while they sit idle, or
 * publishes at a fixed offered rate (smooth, or in bursts of several messages to one room) and
 * measures end-to-end latency, deliveries, loss and order, and the server's CPU time (and system
 * calls) per delivered message over the measured window ({@link TrafficRun}). Prints one JSON
 * line (also appended to {@code --out} when given); exits 0 when the run was clean, 2 when not.
 */
public final class LoadGen {
    private final RunSetup run;
    private final Map<String, Object> result = new LinkedHashMap<>();

    LoadGen(Options o) {
        this.run = RunSetup.from(o);
    }

    /** {@code --help}, {@code report …} (see {@link Report#main}), or a run's options (see {@link Options#usage()}). */
    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help")) {
            System.out.print(Options.usage());
            return;
        }
        if (args[0].equals("report")) {
            Report.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        int rc = new LoadGen(new Options(args)).run();
        System.exit(rc);
    }

    int run() throws Exception {
        Options o = run.options();
        ServerSide side = run.side();
        long serverPid = side.primaryPid();
        RunState state = run.state();
        result.put("server", o.str("server", "?"));
        result.put("scenario", o.str("scenario", o.flag("idle") ? "idle" : "traffic"));
        result.put("mode", run.kindred() ? "kindred" : "raw");
        result.put("rooms", run.rooms());
        result.put("roomSize", run.roomSize());
        result.put("members", run.members());
        result.put("burst", run.burst());
        result.put("nodes", side.nodes());
        boolean idle = o.flag("idle");
        long memBefore = 0;
        long rssBefore = 0;
        if (idle && serverPid > 0) {
            memBefore = ProcProbe.heapAfterGc(serverPid, o.str("heap", "jcmd"));
            rssBefore = ProcProbe.rssBytes(serverPid);
        }
        boolean ok;
        try (MemberConnections connections = new MemberConnections(run)) {
            long t0 = System.nanoTime();
            connections.connect();
            result.put("connectSeconds", (System.nanoTime() - t0) / 1e9);
            if (idle) {
                Thread.sleep(o.integer("settle-ms", 3000));
                if (serverPid > 0) {
                    long heap = ProcProbe.heapAfterGc(serverPid, o.str("heap", "jcmd"));
                    long rss = ProcProbe.rssBytes(serverPid);
                    int n = run.members();
                    result.put("heapBeforeBytes", memBefore);
                    result.put("heapAfterBytes", heap);
                    result.put("heapPerMemberBytes", (heap - memBefore) / (double) n);
                    result.put("rssBeforeBytes", rssBefore);
                    result.put("rssAfterBytes", rss);
                    result.put("rssPerMemberBytes", (rss - rssBefore) / (double) n);
                }
                ok = state.disconnects.sum() == 0;
            } else {
                ok = new TrafficRun(run, connections.members()).run(result);
            }
        }
        if (!idle) {
            DeliveryLedger.Totals t = run.ledger().totals();
            result.put("published", t.published());
            result.put("expected", t.expected());
            result.put("delivered", t.delivered());
            result.put("missing", t.missing());
            result.put("gaps", t.gaps());
            result.put("reordered", t.reordered());
            result.put("duplicates", t.duplicates());
            result.put("misrouted", t.misrouted());
            result.put("clean", t.clean());
            ok &= t.clean();
        }
        result.put("errors", state.errors.sum());
        Map<String, Long> codes = new java.util.TreeMap<>();
        state.errorCodes.forEach((k, v) -> codes.put(k, v.sum()));
        result.put("errorCodes", codes);
        result.put("disconnects", state.disconnects.sum());
        result.put("crisisCards", state.crisisCards.sum());
        result.put("sendFailures", state.sendFailures.sum());
        ok &= state.errors.sum() == 0 && state.sendFailures.sum() == 0 && state.crisisCards.sum() == 0;
        result.put("ok", ok);
        String json = new ObjectMapper().writeValueAsString(result);
        System.out.println(json);
        String out = o.str("out", null);
        if (out != null) {
            Files.writeString(Path.of(out), json + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        return ok ? 0 : 2;
    }
}
