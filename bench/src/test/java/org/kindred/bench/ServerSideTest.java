package org.kindred.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerSideTest {
    @Test
    void oneServerIsOneUrlAndOneProcess() {
        ServerSide s = ServerSide.parse("ws://127.0.0.1:18081/ws", "4242");
        assertEquals(1, s.nodes());
        assertEquals("ws://127.0.0.1:18081/ws", s.urlFor(0).toString());
        assertEquals("ws://127.0.0.1:18081/ws", s.urlFor(999).toString());
        assertEquals(List.of(new ServerSide.Proc("server1", 4242)), s.procs());
        assertEquals(4242, s.primaryPid());
        assertEquals("4242", s.pidList());
    }

    @Test
    void membersAlternateOverTheNodesSoEveryRoomSpansThem() {
        ServerSide s = ServerSide.parse("ws://127.0.0.1:18081/ws, ws://127.0.0.1:18082/ws", "node1=11,node2=12,redis=13");
        assertEquals(2, s.nodes());
        assertEquals(18081, s.urlFor(0).getPort());
        assertEquals(18082, s.urlFor(1).getPort());
        assertEquals(18081, s.urlFor(100).getPort());
        assertEquals(18082, s.urlFor(199).getPort());
        assertEquals(11, s.primaryPid());
        assertEquals("11,12,13", s.pidList());
        assertEquals("redis", s.procs().get(2).label());
    }

    @Test
    void withoutPidsNothingIsMeasured() {
        ServerSide s = ServerSide.parse("ws://127.0.0.1:18081/ws", null);
        assertEquals(-1, s.primaryPid());
        assertEquals("", s.pidList());
        assertNull(ProcProbe.SyscallCounter.start(s.pidList(), 1), "no perf without a process");
    }

    @Test
    void badUrlsAndPidsAreRefusedWithWhatWasExpected() {
        for (String url : new String[] {"", "ws://127.0.0.1:18081/ws,", "http://127.0.0.1:1/ws", "ws://127.0.0.1/ws",
                "not a url"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ServerSide.parse(url, "1"),
                    url);
            assertTrue(e.getMessage().startsWith("--url: ") && e.getMessage().contains("(expected: "), e.getMessage());
        }
        for (String pids : new String[] {"x", "0", "-5", "a=1,a=2", "=3", "a=1,", "node1=1,node1=2"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ServerSide.parse("ws://127.0.0.1:1/ws", pids), pids);
            assertTrue(e.getMessage().startsWith("--server-pid: ") && e.getMessage().contains("(expected: "),
                    e.getMessage());
        }
    }

    @Test
    void theWindowSumsEveryProcessAndKeepsEachOnesShare() {
        ServerSide s = ServerSide.parse("ws://127.0.0.1:1/ws,ws://127.0.0.1:2/ws", "node1=11,node2=12,redis=13");
        ServerSide.Sample before = new ServerSide.Sample(new long[] {100, 200, 300}, new long[] {10, 20, 30},
                new long[] {5, 6, 0});
        ServerSide.Sample after = new ServerSide.Sample(new long[] {1100, 1700, 800}, new long[] {410, 520, 230},
                new long[] {15, 8, 0});
        ServerSide.Window w = s.between(before, after);
        assertEquals(1000 + 1500 + 500, w.cpu());
        assertEquals(400 + 500 + 200, w.kernel());
        assertEquals(10 + 2, w.jit());
        assertEquals(Map.of("node1", 1000L, "node2", 1500L, "redis", 500L), w.cpuByLabel());
        assertEquals(List.of("node1", "node2", "redis"), List.copyOf(w.cpuByLabel().keySet()));
        ServerSide.Window seconds = new ServerSide.Window(0, 0, 0, Map.of("redis", 250_000_000L));
        assertEquals(Map.of("redis", 0.25), seconds.secondsByLabel());
        assertEquals(List.of("node1", "node2", "redis"), List.copyOf(w.secondsByLabel().keySet()));
    }

    @Test
    void gcPausesAddUpOverTheJvmsAndSkipWhatIsNoJvm() {
        assertArrayEquals(new long[] {5, 70}, ServerSide.sum(java.util.Arrays.asList(new long[] {2, 30}, null,
                new long[] {3, 40})));
        assertNull(ServerSide.sum(java.util.Arrays.asList(null, null)), "no JVM: not measured, not zero");
        long[] one = {1, 2};
        assertArrayEquals(new long[] {1, 2}, ServerSide.sum(List.of(one)));
        ServerSide.sum(List.of(one, new long[] {1, 1}));
        assertArrayEquals(new long[] {1, 2}, one, "the inputs stay as they were");
        assertNull(ServerSide.parse("ws://127.0.0.1:1/ws", "redis=" + ProcessHandle.current().pid()).gcPauses(),
                "Redis is not asked");
    }

    @Test
    void samplesThisProcessFromProc() throws Exception {
        long me = ProcessHandle.current().pid();
        ServerSide s = ServerSide.parse("ws://127.0.0.1:1/ws", "self=" + me);
        ServerSide.Sample a = s.sample();
        long spin = System.nanoTime() + 50_000_000L;
        long x = 0;
        while (System.nanoTime() < spin) {
            x += x * 31 + 7;
        }
        ServerSide.Window w = s.between(a, s.sample());
        assertTrue(w.cpu() >= 0 && x != 1, "cpu " + w.cpu());
        assertEquals(w.cpu(), w.cpuByLabel().get("self"));
    }
}
