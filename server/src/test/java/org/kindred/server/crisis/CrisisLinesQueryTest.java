package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.ProtocolCodec;

/** The answers of /api/crisis-lines, without HTTP. */
class CrisisLinesQueryTest {
    private final ObjectMapper mapper = new ProtocolCodec().mapper();
    private final CrisisLinesQuery query = new CrisisLinesQuery(
            CrisisResponder.withBundledSentences(CrisisDirectory.loadBundled()), mapper);

    private JsonNode ok(Map<String, List<String>> params) throws Exception {
        CrisisLinesQuery.Answer a = query.answer(params, null);
        assertEquals(200, a.status(), new String(a.body(), StandardCharsets.UTF_8));
        return mapper.readTree(a.body());
    }

    @Test
    void regionAndLanguage() throws Exception {
        JsonNode es = ok(Map.of("region", List.of("mx"), "lang", List.of("es-MX")));
        assertEquals("MX", es.path("region").asText());
        assertEquals("es", es.path("lang").asText());
        assertTrue(es.path("text").asText().startsWith("Gracias"), es.path("text").asText());
        assertEquals("800 911 2000", es.path("resources").get(0).path("phone").asText());
        JsonNode unknownLanguage = ok(Map.of("region", List.of("BR"), "lang", List.of("pt")));
        assertEquals("en", unknownLanguage.path("lang").asText(), "no Portuguese sentences: English");
        assertEquals("188", unknownLanguage.path("resources").get(0).path("phone").asText());
        JsonNode caFrench = ok(Map.of("region", List.of("CA"), "lang", List.of("fr"), "level", List.of("imminent")));
        assertEquals("911", caFrench.path("resources").get(0).path("phone").asText());
        assertEquals("imminent", caFrench.path("level").asText());
    }

    @Test
    void cachedAndRevalidated() {
        Map<String, List<String>> p = Map.of("region", List.of("GB"));
        CrisisLinesQuery.Answer first = query.answer(p, null);
        assertSame(first, query.answer(Map.of("region", List.of("gb")), null), "computed once");
        assertEquals(304, query.answer(p, first.etag()).status());
        assertEquals(304, query.answer(p, "\"x\", W/" + first.etag()).status());
        assertEquals(200, query.answer(p, "\"other\"").status());
        assertNotEquals(first.etag(), query.answer(Map.of("region", List.of("IE")), null).etag());
    }

    @Test
    void malformedParametersAreRefusedPlainly() {
        for (Map<String, List<String>> bad : List.of(Map.of("region", List.of("G")), Map.of("lang", List.of("e")),
                Map.of("lang", List.of("x".repeat(40))), Map.of("level", List.of("IMMINENT")),
                Map.of("lang", List.of("en", "fr")))) {
            CrisisLinesQuery.Answer a = query.answer(bad, null);
            assertEquals(400, a.status(), bad.toString());
            assertTrue(!a.json() && new String(a.body(), StandardCharsets.UTF_8).endsWith(".\n"));
        }
    }
}
