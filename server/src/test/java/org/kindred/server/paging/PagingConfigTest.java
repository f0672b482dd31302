package org.kindred.server.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.kindred.server.config.ConfigException;

class PagingConfigTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void absentMeansOffWithDefaults() {
        PagingConfig c = PagingConfig.from(null);
        assertTrue(c.webhooks().isEmpty());
        assertEquals(Duration.ofSeconds(60), c.after());
        assertNull(c.consoleLink("esc_1"));
    }

    @Test
    void readsEveryKey() throws Exception {
        PagingConfig c = PagingConfig.from(JSON.readTree("{\"afterSeconds\":90,\"consoleUrl\":\"https://k.example\","
                + "\"maxAttempts\":3,\"retryInitialMillis\":50,\"timeoutSeconds\":4,\"webhooks\":["
                + "{\"url\":\"https://a.example/h\"},{\"url\":\"https://b.example/e\",\"format\":\"pagerduty\","
                + "\"routingKey\":\"K\"},{\"url\":\"http://c.example/s\",\"format\":\"slack\"}]}"));
        assertEquals(Duration.ofSeconds(90), c.after());
        assertEquals(3, c.maxAttempts());
        assertEquals(Duration.ofMillis(50), c.retryInitial());
        assertEquals(Duration.ofSeconds(4), c.timeout());
        assertEquals(PageFormat.GENERIC, c.webhooks().get(0).format());
        assertEquals("K", c.webhooks().get(1).routingKey());
        assertEquals(PageFormat.SLACK, c.webhooks().get(2).format());
        assertEquals("https://k.example/moderator.html#escalation=esc_1", c.consoleLink("esc_1"));
        assertTrue(c.webhooks().get(1).key().startsWith("pagerduty:"));
        assertTrue(!c.webhooks().get(1).toString().contains("b.example"), "a URL is never printed");
    }

    @Test
    void pagesSpeakTheConfiguredLanguageEnglishByDefault() throws Exception {
        assertEquals("en", PagingConfig.from(null).language());
        assertEquals("en", PagingConfig.from(JSON.readTree("{}")).language());
        PagingConfig de = PagingConfig.from(JSON.readTree("{\"language\":\"de\",\"webhooks\":["
                + "{\"url\":\"http://c.example/s\",\"format\":\"slack\"}]}"));
        assertEquals("de", de.language());
        PagePayloads.Page p = new PagePayloads.Page("esc_9", org.kindred.protocol.RiskLevel.IMMINENT, "support",
                "unclaimed", null, 0);
        assertEquals("Kindred: imminent escalation esc_9 in room support is still unclaimed.",
                PagePayloads.sentence(p, "en"));
        assertEquals("Kindred: Eskalation esc_9 (Stufe akut) im Raum support ist noch nicht übernommen.",
                PagePayloads.sentence(p, de.language()));
        String body = new String(PagePayloads.body(de.webhooks().get(0), p, de.language()),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(body.contains("noch nicht übernommen"), body);
        assertTrue(PagePayloads.sentence(new PagePayloads.Page("esc_9", org.kindred.protocol.RiskLevel.HIGH, null,
                "nobody_watching", "https://k.example/m", 0), "es").startsWith("Kindred: se ha abierto la escalada "
                + "esc_9 de nivel alto fuera de una sala"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"afterSeconds\":0}|paging.afterSeconds",
        "{\"language\":\"pt\"}|paging.language",
        "{\"language\":7}|paging.language",
        "{\"afterSeconds\":\"soon\"}|paging.afterSeconds",
        "{\"maxAttempts\":99}|paging.maxAttempts",
        "{\"afterSecs\":60}|paging.afterSecs",
        "{\"consoleUrl\":\"ftp://x\"}|paging.consoleUrl",
        "{\"webhooks\":{}}|paging.webhooks",
        "{\"webhooks\":[{\"format\":\"generic\"}]}|paging.webhooks[0].url",
        "{\"webhooks\":[{\"url\":\"not a url\"}]}|paging.webhooks[0].url",
        "{\"webhooks\":[{\"url\":\"https://x.example\",\"format\":\"teams\"}]}|paging.webhooks[0].format",
        "{\"webhooks\":[{\"url\":\"https://x.example\",\"format\":\"pagerduty\"}]}|paging.webhooks[0].routingKey",
        "{\"webhooks\":[{\"url\":\"https://x.example\",\"routingKey\":\"k\"}]}|paging.webhooks[0].routingKey",
        "{\"webhooks\":[{\"url\":\"https://x.example\",\"secret\":1}]}|paging.webhooks[0].secret",
    })
    void badValuesSayWhatWasExpected(String json, String key) throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> PagingConfig.from(JSON.readTree(json)));
        assertTrue(e.getMessage().startsWith(key), e.getMessage());
        assertTrue(e.getMessage().contains("(expected"), e.getMessage());
    }
}
