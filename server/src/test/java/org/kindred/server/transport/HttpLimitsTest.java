package org.kindred.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.kindred.server.config.ConfigException;

class HttpLimitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void absentOrEmptyMeansDefaults() throws Exception {
        assertEquals(HttpLimits.defaults(), HttpLimits.from(null));
        assertEquals(HttpLimits.defaults(), HttpLimits.from(JSON.readTree("{}")));
        assertEquals(5, HttpLimits.defaults().requestTimeoutSeconds());
    }

    @Test
    void readsEachKey() throws Exception {
        HttpLimits l = HttpLimits.from(JSON.readTree("{\"requestTimeoutSeconds\":2,\"maxBodyBytes\":2048,"
                + "\"maxHeaderBytes\":4096,\"maxRequestLineBytes\":1024}"));
        assertEquals(new HttpLimits(2, 2048, 4096, 1024), l);
    }

    @Test
    void badValuesAndUnknownKeysSayWhatWasExpected() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> HttpLimits.from(JSON.readTree("{\"requestTimeoutSeconds\":0}")));
        assertTrue(e.getMessage().startsWith("http.requestTimeoutSeconds: 0 (expected: a whole number 1..300)"),
                e.getMessage());
        e = assertThrows(ConfigException.class, () -> HttpLimits.from(JSON.readTree("{\"maxBodyBytes\":\"big\"}")));
        assertTrue(e.getMessage().contains("(expected: "), e.getMessage());
        e = assertThrows(ConfigException.class, () -> HttpLimits.from(JSON.readTree("{\"timeout\":3}")));
        assertTrue(e.getMessage().startsWith("http.timeout: unknown key (expected: one of "), e.getMessage());
        assertThrows(ConfigException.class, () -> HttpLimits.from(JSON.readTree("[1]")));
    }
}
