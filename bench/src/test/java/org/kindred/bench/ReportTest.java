package org.kindred.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {
    private static JsonNode run(String server, double cpu, double p99) throws Exception {
        return new ObjectMapper().readTree("{\"server\":\"" + server + "\",\"scenario\":\"latency\",\"roomSize\":100,"
                + "\"members\":1000,\"offeredDeliveriesPerSec\":30000,\"cpuMicrosPerDelivery\":" + cpu
                + ",\"p99Ms\":" + p99 + ",\"clean\":true,\"ok\":true}");
    }

    @Test
    void ratiosAreAgainstBaselinesOfTheSameRun() throws Exception {
        List<JsonNode> lines = new ArrayList<>(List.of(run("netty", 2.0, 1.0), run("node", 4.0, 2.0),
                run("kindred", 2.2, 3.0)));
        String h = new Report(new Results(lines)).headline();
        assertTrue(h.contains("| kindred | 2.20 | 1.10× | 0.55× | 3.00 | none |"), h);
        assertTrue(h.contains("kindred: CPU 1.10× bare Netty (target met), 0.55× Node ws (target met)"), h);
    }

    @Test
    void theLastLineForTheSameShapeWins() throws Exception {
        Results r = new Results(List.of(run("netty", 9.0, 1.0), run("netty", 3.0, 1.0)));
        assertEquals(3.0, Cells.num(r.get("latency", "netty", 100, 1000), "cpuMicrosPerDelivery"));
    }

    @Test
    void gcPausesOfTheWindowAreShownOrMarkedUnmeasured() throws Exception {
        JsonNode n = new ObjectMapper().readTree("{\"serverGcPauses\":3,\"serverGcMs\":84.4,\"generatorGcPauses\":-1}");
        assertEquals("3 (84)", Cells.pauses(n, "serverGc"));
        assertEquals("–", Cells.pauses(n, "generatorGc"));
        assertEquals("–", Cells.pauses(n, "other"));
    }

    @Test
    void missingBaselinesGiveNoRatio() {
        assertEquals("–", Cells.ratio(1.0, Double.NaN));
        assertEquals("1.50×", Cells.ratio(3.0, 2.0));
    }

    @Test
    void aServerThatFellBehindIsFlaggedNotCalledLossy() throws Exception {
        JsonNode n = new ObjectMapper().readTree("{\"deliveriesPerSec\":19000,\"offeredDeliveriesPerSec\":60000,"
                + "\"missing\":5,\"gaps\":0,\"reordered\":0,\"duplicates\":0,\"errors\":0,\"drainSeconds\":10}");
        assertEquals("19000 (saturated)", Cells.delivered(n));
    }

    @Test
    void theProjectionAddsThePipelineCostDividedOverTheRoom() throws Exception {
        List<JsonNode> lines = List.of(run("netty", 2.0, 1.0), run("node", 4.0, 2.0), run("kindred", 2.2, 3.0));
        Report r = new Report(new Results(lines));
        assertEquals("", r.projection(), "nothing to project without a pipeline measurement");
        r.pipelineMicros(10.0);
        assertTrue(r.projection().contains("| latency | 100 | 2.20 | 0.100 | 2.30 | 1.15× | 0.58× |"), r.projection());
    }

    private static JsonNode traffic(String scenario, String server, int burst, double cpu, double syscalls)
            throws Exception {
        return new ObjectMapper().readTree("{\"server\":\"" + server + "\",\"scenario\":\"" + scenario + "\","
                + "\"roomSize\":100,\"members\":1000,\"burst\":" + burst + ",\"offeredDeliveriesPerSec\":60000,"
                + "\"deliveriesPerSec\":60000,\"serverCpuUtil\":0.5,\"cpuMicrosPerDelivery\":" + cpu
                + ",\"syscallsPerDelivery\":" + syscalls + ",\"p99Ms\":4.5,\"clean\":true,\"ok\":true}");
    }

    @Test
    void burstsAreTabledWithTheirSizeAndAgainstTheSmoothRun() throws Exception {
        Report r = new Report(new Results(List.of(traffic("fanout", "netty", 1, 2.0, 1.0),
                traffic("fanout", "node", 1, 4.0, 1.1),
                traffic("burst", "netty", 10, 1.0, 0.2), traffic("burst", "node", 10, 2.0, 0.4),
                traffic("burst", "kindred", 10, 1.5, 0.25))));
        String b = r.bursts();
        assertTrue(b.contains("| 100 | 1000 | netty | 10 | 60000 | 60000 | 50% | 1.00 | 0.200 | 0.20× | 0.50× | 1.00× "
                + "| 0.50× | 4.50 | none |"), b);
        assertTrue(b.contains("| 100 | 1000 | kindred | 10 | 60000 | 60000 | 50% | 1.50 | 0.250 | – | – | 1.50× "
                + "| 0.75× | 4.50 | none |"), b);
        assertTrue(r.markdown().contains("### Bursts"), "the full report has the table");
        assertEquals("", new Report(new Results(List.of(traffic("fanout", "netty", 1, 2.0, 1.0)))).bursts());
    }

    @Test
    void runsOfDifferentBurstSizesAreKeptApartAndOldLinesCountAsSmooth() throws Exception {
        Results r = new Results(List.of(traffic("burst", "netty", 10, 1.0, 0.2),
                traffic("burst", "netty", 20, 0.9, 0.1), run("netty", 2.0, 1.0)));
        assertEquals(0.2, Cells.num(r.get("burst", "netty", 100, 1000, 10), "syscallsPerDelivery"));
        assertEquals(0.1, Cells.num(r.get("burst", "netty", 100, 1000, 20), "syscallsPerDelivery"));
        assertEquals(2.0, Cells.num(r.get("latency", "netty", 100, 1000), "cpuMicrosPerDelivery"));
    }
}
