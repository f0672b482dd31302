package org.kindred.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterReportTest {
    /** A cluster-scenario line; {@code byProcess} is the JSON object of CPU seconds per process. */
    private static JsonNode run(String server, int nodes, double cpuSeconds, String byProcess, double micros, double p99)
            throws Exception {
        return new ObjectMapper().readTree("{\"server\":\"" + server + "\",\"scenario\":\"cluster\",\"roomSize\":100,"
                + "\"members\":1000,\"nodes\":" + nodes + ",\"offeredDeliveriesPerSec\":30000,\"deliveriesPerSec\":30000,"
                + "\"serverCpuSeconds\":" + cpuSeconds + ",\"serverCpuUtil\":" + cpuSeconds / 20
                + ",\"serverCpuSecondsByProcess\":" + byProcess + ",\"cpuMicrosPerDelivery\":" + micros
                + ",\"syscallsPerDelivery\":1.1,\"p50Ms\":1.5,\"p99Ms\":" + p99 + ",\"serverGcPauses\":" + nodes
                + ",\"serverGcMs\":" + 20 * nodes + ",\"generatorGcPauses\":1,\"generatorGcMs\":9.6,\"clean\":true,\"ok\":true}");
    }

    @Test
    void twoNodesAreSetBesideOneNodeAloneAndWithRedisOfTheSameRun() throws Exception {
        // written in run order, not table order: the table sorts by nodes, Redis, moderation
        Results r = new Results(List.of(
                run("kindred-2nodes", 2, 16.0, "{\"node1\":6.0,\"node2\":6.0,\"redis\":4.0}", 24.0, 30.0),
                run("kindred", 1, 10.0, "{\"server1\":10.0}", 16.0, 10.0),
                run("kindred-redis", 1, 12.0, "{\"node1\":9.0,\"redis\":3.0}", 19.2, 15.0),
                run("kindred-redis-mod", 1, 13.0, "{\"node1\":10.0,\"redis\":3.0}", 22.0, 20.0)));
        String t = ClusterReport.markdown(r);
        assertTrue(t.contains("| 100 | 1000 | kindred | 1 | 30000 | 30000 | 50% | – | 16.00 | 1.100 | 1.00× | 0.83× "
                + "| 1.50 | 10.00 | 1.00× | 0.67× | 1 (20) | 1 (10) | none |"), t);
        assertTrue(t.contains("| 100 | 1000 | kindred-redis | 1 | 30000 | 30000 | 60% | 25% | 19.20 | 1.100 | 1.20× | 1.00× "
                + "| 1.50 | 15.00 | 1.50× | 1.00× | 1 (20) | 1 (10) | none |"), t);
        assertTrue(t.contains("| 100 | 1000 | kindred-2nodes | 2 | 30000 | 30000 | 80% | 25% | 24.00 | 1.100 | 1.50× | 1.25× "
                + "| 1.50 | 30.00 | 3.00× | 2.00× | 2 (40) | 1 (10) | none |"), t);
        // moderation on compares with moderation on only; its one node alone was not run, so no ratio
        assertTrue(t.contains("| 100 | 1000 | kindred-redis-mod | 1 | 30000 | 30000 | 65% | 23% | 22.00 | 1.100 | – | 1.00× "
                + "| 1.50 | 20.00 | – | 1.00× | 1 (20) | 1 (10) | none |"), t);
        assertTrue(t.indexOf("| kindred |") < t.indexOf("| kindred-redis |")
                && t.indexOf("| kindred-redis |") < t.indexOf("| kindred-2nodes |")
                && t.indexOf("| kindred-2nodes |") < t.indexOf("| kindred-redis-mod |"), t);
        assertTrue(new Report(r).markdown().contains("### Several nodes sharing one Redis"), "the full report has the table");
    }

    @Test
    void noClusterRunNoTableAndOldLinesCountAsOneNode() throws Exception {
        JsonNode old = new ObjectMapper().readTree("{\"server\":\"kindred\",\"scenario\":\"latency\",\"roomSize\":100,"
                + "\"members\":1000,\"serverCpuSeconds\":3.0,\"cpuMicrosPerDelivery\":2.0}");
        assertEquals("", ClusterReport.markdown(new Results(List.of(old))));
        assertTrue(Double.isNaN(ClusterReport.redisShare(old)));
    }

    @Test
    void baselinesFollowTheModerationSetting() {
        assertEquals("kindred", ClusterReport.oneNode("kindred-2nodes"));
        assertEquals("kindred-mod", ClusterReport.oneNode("kindred-3nodes-mod"));
        assertEquals("kindred-redis", ClusterReport.oneNodeWithRedis("kindred-2nodes"));
        assertEquals("kindred-redis-mod", ClusterReport.oneNodeWithRedis("kindred-2nodes-mod"));
    }
}
