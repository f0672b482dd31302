package org.kindred.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.BindException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void stallThresholdIsMillisecondsWithADefault() {
        assertEquals(Duration.ofMillis(50), Main.stallThreshold(null));
        assertEquals(Duration.ofMillis(50), Main.stallThreshold(" "));
        assertEquals(Duration.ofMillis(200), Main.stallThreshold("200"));
        for (String bad : new String[] {"0", "-5", "60001", "50ms", "x"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Main.stallThreshold(bad));
            assertTrue(e.getMessage().startsWith("KINDRED_STALL_THRESHOLD_MS: " + bad + " (expected: "),
                    e.getMessage());
        }
    }

    @Test
    void aStartFailureIsOneLineNamingTheCause() {
        String bind = Main.describe(new IllegalStateException("wrapped", new BindException("Address already in use")),
                "0.0.0.0", 8080);
        assertEquals("cannot listen on 0.0.0.0:8080: Address already in use"
                + " (expected: a free port; choose another with --port N or KINDRED_PORT)", bind);
        String other = Main.describe(new IllegalStateException("cannot open\nthe store"), "h", 1);
        assertEquals("IllegalStateException: cannot open the store", other);
    }
}
