package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CrisisConfigTest {
    final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    CrisisConfig read(String doc) throws Exception {
        JsonNode root = yaml.readTree(doc);
        return yaml.treeToValue(root.get("crisis"), CrisisConfig.class);
    }

    @Test
    void defaults() {
        CrisisConfig c = CrisisConfig.defaults();
        assertEquals(Duration.ofMinutes(2), c.reannounceInterval());
        assertEquals(RiskMessagePolicy.DELIVER, c.riskMessages());
    }

    @Test
    void readsTheYamlSection() throws Exception {
        CrisisConfig c = read("crisis:\n  reannounceInterval: 90s\n  riskMessages: hold\n");
        assertEquals(Duration.ofSeconds(90), c.reannounceInterval());
        assertEquals(RiskMessagePolicy.HOLD, c.riskMessages());
        assertEquals(Duration.ofMinutes(5), read("crisis:\n  reannounceInterval: PT5M\n").reannounceInterval());
        assertEquals(Duration.ofSeconds(30), read("crisis:\n  reannounceInterval: 30\n").reannounceInterval());
        assertEquals(CrisisConfig.defaults(), read("crisis: {}\n"));
    }

    @Test
    void rejectsBadValuesWithTheExpectation() {
        for (String bad : new String[] {"crisis:\n  reannounceInterval: soon\n", "crisis:\n  reannounceInterval: 1s\n",
                "crisis:\n  reannounceInterval: 2d\n", "crisis:\n  riskMessages: drop\n", "crisis:\n  reannounce: 2m\n"}) {
            Exception e = assertThrows(Exception.class, () -> read(bad), bad);
            String all = e.getMessage() + (e.getCause() == null ? "" : e.getCause().getMessage());
            assertTrue(all.contains("expected") || all.contains("Unrecognized"), all);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CrisisConfig.builder().reannounceInterval(Duration.ofHours(2)).build());
        assertTrue(e.getMessage().contains("(expected: between 10s and 1h)"), e.getMessage());
    }
}
