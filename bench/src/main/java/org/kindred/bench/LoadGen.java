package org.kindred.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The load generator: one JVM, thousands of WebSocket members over Netty. Opens the members,
 * then either measures the server's memory while they sit idle, or publishes at a fixed offered
 * rate (smooth, or in bursts of several messages to one room) and measures end-to-end latency,
 * deliveries, loss and order, and the server's CPU time (and system calls) per delivered message
 * over the measured window. Prints one JSON line.
 */
public final class LoadGen {
    private static final int MAX_FRAME = 8 << 20;

    private final Options o;
    private final boolean kindred;
    private final int rooms;
    private final int roomSize;
    private final int burst;
    private final long serverPid;
    private final ServerSide side;
    private final RunState state = new RunState();
    private final Recorder latency = new Recorder(60_000_000_000L, 3);
    /** How late the publishing thread sends each message against its intended time (generator health). */
    private final Histogram sendLag = LatencySummary.newHistogram();
    private final DeliveryLedger ledger;
    private final List<Member> members = new ArrayList<>();
    private final Map<String, Object> result = new LinkedHashMap<>();

    LoadGen(Options o) {
        this.o = o;
        this.kindred = o.str("mode", "kindred").equals("kindred");
        this.rooms = o.integer("rooms", 10);
        this.roomSize = o.integer("room-size", 100);
        this.burst = o.integer("burst", 1);
        if (burst < 1) {
            throw new IllegalArgumentException("--burst must be at least 1");
        }
        this.side = ServerSide.parse(o.required("url"), o.str("server-pid", null));
        this.serverPid = side.primaryPid();
        int[] sizes = new int[rooms];
        java.util.Arrays.fill(sizes, roomSize);
        this.ledger = new DeliveryLedger(sizes);
    }

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
        result.put("server", o.str("server", "?"));
        result.put("scenario", o.str("scenario", o.flag("idle") ? "idle" : "traffic"));
        result.put("mode", kindred ? "kindred" : "raw");
        result.put("rooms", rooms);
        result.put("roomSize", roomSize);
        result.put("members", rooms * roomSize);
        result.put("burst", burst);
        result.put("nodes", side.nodes());
        boolean idle = o.flag("idle");
        long memBefore = 0;
        long rssBefore = 0;
        if (idle && serverPid > 0) {
            memBefore = ProcProbe.heapAfterGc(serverPid, o.str("heap", "jcmd"));
            rssBefore = ProcProbe.rssBytes(serverPid);
        }
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(o.integer("threads", 0), EpollIoHandler.newFactory());
        boolean ok;
        try {
            long t0 = System.nanoTime();
            connectAll(group);
            result.put("connectSeconds", (System.nanoTime() - t0) / 1e9);
            if (idle) {
                Thread.sleep(o.integer("settle-ms", 3000));
                if (serverPid > 0) {
                    long heap = ProcProbe.heapAfterGc(serverPid, o.str("heap", "jcmd"));
                    long rss = ProcProbe.rssBytes(serverPid);
                    int n = rooms * roomSize;
                    result.put("heapBeforeBytes", memBefore);
                    result.put("heapAfterBytes", heap);
                    result.put("heapPerMemberBytes", (heap - memBefore) / (double) n);
                    result.put("rssBeforeBytes", rssBefore);
                    result.put("rssAfterBytes", rss);
                    result.put("rssPerMemberBytes", (rss - rssBefore) / (double) n);
                }
                ok = state.disconnects.sum() == 0;
            } else {
                ok = traffic();
            }
        } finally {
            state.closing = true;
            for (Member m : members) {
                Channel c = m.channel;
                if (c != null) {
                    c.close();
                }
            }
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(30, TimeUnit.SECONDS);
        }
        if (!idle) {
            DeliveryLedger.Totals t = ledger.totals();
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

    private void connectAll(EventLoopGroup group) throws Exception {
        int sources = o.integer("sources", 16);
        Semaphore inFlight = new Semaphore(o.integer("connect-concurrency", 200));
        Bootstrap b = new Bootstrap().group(group).channel(EpollSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
        int n = rooms * roomSize;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(o.integer("connect-timeout", 60 + n / 200));
        for (int i = 0; i < n; i++) {
            int room = i / roomSize;
            Member m = new Member(i, room, ledger.receiver(room, room * roomSize));
            members.add(m);
            URI base = side.urlFor(i);
            URI uri = kindred ? base : URI.create(base.toString() + "/" + Member.roomName(room));
            WebSocketClientProtocolConfig cfg = WebSocketClientProtocolConfig.newBuilder().webSocketUri(uri)
                    .maxFramePayloadLength(MAX_FRAME).generateOriginHeader(false).handleCloseFrames(true)
                    .handshakeTimeoutMillis(30_000).build();
            if (!inFlight.tryAcquire(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new IOException("connecting timed out after " + i + " members");
            }
            m.ready.whenComplete((v, e) -> inFlight.release());
            InetSocketAddress local = new InetSocketAddress("127.0.0." + (1 + i % sources), 0);
            Channel ch = b.clone().handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel c) {
                    c.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 16),
                            new WebSocketClientProtocolHandler(cfg), new WebSocketFrameAggregator(MAX_FRAME),
                            new MemberHandler(m, kindred, latency, state));
                }
            }).connect(new InetSocketAddress(uri.getHost(), uri.getPort()), local)
                    .addListener(f -> {
                        if (!f.isSuccess()) {
                            m.ready.completeExceptionally(f.cause());
                        }
                    }).channel();
            m.channel = ch;
        }
        for (Member m : members) {
            long left = deadline - System.nanoTime();
            m.ready.get(Math.max(1, left), TimeUnit.NANOSECONDS);
        }
    }

    /** Publishes at the offered rate; measures the window; drains; true when the run was clean. */
    private boolean traffic() throws Exception {
        double deliveries = o.dbl("deliveries-per-sec", 30_000);
        double publishRate = deliveries / roomSize;
        double warmup = o.dbl("warmup", 5);
        double measure = o.dbl("measure", 10);
        long total = (long) Math.ceil(publishRate * (warmup + measure) / burst) * burst; // whole groups
        long start = System.nanoTime() + 200_000_000L;
        long wStart = start + (long) (warmup * 1e9);
        long wEnd = wStart + (long) (measure * 1e9);
        state.window(wStart, wEnd);
        Pacer pacer = new Pacer(start, publishRate, total, burst);
        PublisherRotation rotation = new PublisherRotation(rooms, roomSize, burst);
        Thread publisher = new Thread(() -> publish(pacer, rotation, wEnd + 5_000_000_000L), "publisher");
        publisher.setDaemon(true);
        publisher.start();

        sleepUntil(wStart);
        latency.reset();
        // jstat (GC pauses) takes a while per node: outside the CPU, delivery and time window it brackets
        long[] gc0 = side.gcPauses(); // every node's
        long[] selfGc0 = ownGcPauses();
        ServerSide.Sample server0 = side.sample();
        long self0 = ProcProbe.cpuNanos(ProcessHandle.current().pid());
        long d0 = ledger.deliveredSoFar();
        long real0 = System.nanoTime();
        ProcProbe.SyscallCounter perf = o.flag("syscalls") ? ProcProbe.SyscallCounter.start(side.pidList(),
                Math.max(0.1, (wEnd - System.nanoTime()) / 1e9)) : null; // to the window's end
        sleepUntil(wEnd);
        ServerSide.Window server = side.between(server0, side.sample());
        long self1 = ProcProbe.cpuNanos(ProcessHandle.current().pid());
        long d1 = ledger.deliveredSoFar();
        long real1 = System.nanoTime();
        long[] gc1 = side.gcPauses();
        long[] selfGc1 = ownGcPauses();
        publisher.join(TimeUnit.SECONDS.toMillis(30));

        int drainSeconds = o.integer("drain-seconds", 10);
        result.put("drainSeconds", drainSeconds);
        long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainSeconds);
        while (ledger.deliveredSoFar() < ledger.expectedSoFar() && System.nanoTime() < drainDeadline) {
            Thread.sleep(20);
        }
        Thread.sleep(200); // anything late or duplicated shows up in the totals
        long syscalls = perf == null ? -1 : perf.await();

        double seconds = (real1 - real0) / 1e9;
        long delivered = d1 - d0;
        long cpu = server.cpu();
        Histogram h = latency.getIntervalHistogram();
        LatencySummary lat = LatencySummary.of(h);
        result.put("offeredDeliveriesPerSec", deliveries);
        result.put("publishPerSec", publishRate);
        result.put("windowSeconds", seconds);
        result.put("deliveriesInWindow", delivered);
        result.put("deliveriesPerSec", delivered / seconds);
        result.put("serverCpuSeconds", cpu / 1e9);
        result.put("serverCpuSecondsByProcess", server.secondsByLabel()); // every process: nodes and Redis
        result.put("serverCpuUtil", cpu / 1e9 / seconds);
        result.put("serverJitShare", cpu == 0 ? Double.NaN : server.jit() / (double) cpu);
        result.put("serverKernelShare", cpu == 0 ? Double.NaN : server.kernel() / (double) cpu);
        result.put("generatorCpuUtil", (self1 - self0) / 1e9 / seconds);
        result.put("cpuMicrosPerDelivery", delivered == 0 ? Double.NaN : cpu / 1e3 / delivered);
        result.put("deliveriesPerCoreSecond", cpu == 0 ? Double.NaN : delivered / (cpu / 1e9));
        // what stood still in the window: a pause of either side delays every delivery in flight
        boolean serverGc = gc0 != null && gc1 != null;
        result.put("serverGcPauses", serverGc ? gc1[0] - gc0[0] : -1);
        result.put("serverGcMs", serverGc ? (gc1[1] - gc0[1]) / 1e6 : Double.NaN);
        result.put("generatorGcPauses", selfGc1[0] - selfGc0[0]);
        result.put("generatorGcMs", (selfGc1[1] - selfGc0[1]) / 1e6);
        result.put("syscalls", syscalls);
        result.put("syscallsPerDelivery", syscalls < 0 || delivered == 0 ? Double.NaN : syscalls / (double) delivered);
        result.put("latencyCount", lat.count());
        result.put("p50Ms", lat.p50Ms());
        result.put("p99Ms", lat.p99Ms());
        result.put("p999Ms", lat.p999Ms());
        result.put("maxMs", lat.maxMs());
        LatencySummary lag = LatencySummary.of(sendLag);
        result.put("sendLagP99Ms", lag.p99Ms());
        result.put("sendLagMaxMs", lag.maxMs());
        result.put("publishedOnTime", pacer.done());
        return pacer.done();
    }

    /** This generator's own GC pauses so far: {count, total nanoseconds}, over all its collectors. */
    private static long[] ownGcPauses() {
        long count = 0;
        long ms = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            ms += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, ms * 1_000_000L};
    }

    private void publish(Pacer pacer, PublisherRotation rotation, long deadline) {
        while (!pacer.done() && System.nanoTime() < deadline) {
            long i;
            long now = System.nanoTime();
            while ((i = pacer.next(now)) >= 0) {
                int room = rotation.room(i);
                Member m = members.get(rotation.member(i));
                Channel c = m.channel;
                if (c == null || !c.isActive()) {
                    state.sendFailures.increment();
                    continue;
                }
                long pseq = m.nextPseq++;
                String roomName = Member.roomName(room);
                long intended = pacer.intendedNanos(i);
                String text = Payload.text(m.index, pseq, intended);
                String frame = kindred ? Payload.kindredSend(roomName, text)
                        : Payload.rawMessage(roomName, m.index, pseq, text);
                ledger.published(room);
                if (state.inWindow(intended)) {
                    sendLag.recordValue(Math.max(0, System.nanoTime() - intended));
                }
                c.writeAndFlush(new TextWebSocketFrame(frame), c.voidPromise());
            }
            LockSupport.parkNanos(100_000);
        }
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, Math.min(50, left / 1_000_000)));
        }
    }
}
