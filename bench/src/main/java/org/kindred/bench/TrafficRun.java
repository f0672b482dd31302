package org.kindred.bench;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The traffic part of a run, once every member is connected: a publisher thread sends at the
 * offered rate ({@code --deliveries-per-sec}, default 30 000, over the room size; smooth or in
 * bursts), {@code --warmup} seconds (default 5) pass, then {@code --measure} seconds (default 10)
 * are measured (the server's CPU, system calls and GC pauses, the generator's own, deliveries and
 * end-to-end latency), then up to {@code --drain-seconds} (default 10) let what is in flight arrive.
 */
final class TrafficRun {
    private final RunSetup run;
    private final List<Member> members;
    /** How late the publishing thread sends each message against its intended time (generator health). */
    private final Histogram sendLag = LatencySummary.newHistogram();

    /** @param members every member of the run, connected, in index order */
    TrafficRun(RunSetup run, List<Member> members) {
        this.run = run;
        this.members = members;
    }

    /**
     * Publishes, measures the window and drains; puts the window's figures into {@code result}
     * (per second, per delivery, CPU shares, GC pauses, latency percentiles in ms, send lag).
     *
     * @return true when every message was published on time (the run's publishing kept up)
     * @throws Exception when reading the server's processes fails or the wait is interrupted
     */
    boolean run(Map<String, Object> result) throws Exception {
        Options o = run.options();
        ServerSide side = run.side();
        DeliveryLedger ledger = run.ledger();
        double deliveries = o.dbl("deliveries-per-sec", 30_000);
        double publishRate = deliveries / run.roomSize();
        double warmup = o.dbl("warmup", 5);
        double measure = o.dbl("measure", 10);
        int burst = run.burst();
        long total = (long) Math.ceil(publishRate * (warmup + measure) / burst) * burst; // whole groups
        long start = System.nanoTime() + 200_000_000L;
        long wStart = start + (long) (warmup * 1e9);
        long wEnd = wStart + (long) (measure * 1e9);
        run.state().window(wStart, wEnd);
        Pacer pacer = new Pacer(start, publishRate, total, burst);
        PublisherRotation rotation = new PublisherRotation(run.rooms(), run.roomSize(), burst);
        Thread publisher = new Thread(() -> publish(pacer, rotation, wEnd + 5_000_000_000L), "publisher");
        publisher.setDaemon(true);
        publisher.start();

        sleepUntil(wStart);
        run.latency().reset();
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
        Histogram h = run.latency().getIntervalHistogram();
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

    /** The publisher thread's loop: sends each message the pacer lets out until all are sent or {@code deadline} (nanoTime). */
    private void publish(Pacer pacer, PublisherRotation rotation, long deadline) {
        boolean kindred = run.kindred();
        RunState state = run.state();
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
                run.ledger().published(room);
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
