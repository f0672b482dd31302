package org.kindred.server.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs axe-core (vendored test resource, see README.md next to axe.min.js) in the current
 * page against the WCAG 2.0/2.1/2.2 A and AA rules and fails on serious or critical findings.
 */
final class Axe {
    private static final String SOURCE = load();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Axe() {
    }

    /** Asserts that the page has no serious or critical violations; returns all violations' ids. */
    static List<String> check(Browser browser, String what) throws IOException {
        browser.js(SOURCE);
        Object raw = browser.driver().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: "
                        + "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
                        + ".then(r => done(JSON.stringify(r.violations)), e => done('ERROR ' + e));");
        String result = String.valueOf(raw);
        if (result.startsWith("ERROR")) {
            throw new AssertionError("axe-core did not run on " + what + ": " + result);
        }
        JsonNode violations = JSON.readTree(result);
        List<String> all = new ArrayList<>();
        List<String> severe = new ArrayList<>();
        for (JsonNode v : violations) {
            all.add(v.path("id").asText());
            String impact = v.path("impact").asText();
            if ("serious".equals(impact) || "critical".equals(impact)) {
                StringBuilder b = new StringBuilder(v.path("id").asText()).append(" (").append(impact).append("): ")
                        .append(v.path("help").asText());
                for (JsonNode n : v.path("nodes")) {
                    b.append("\n    ").append(n.path("target").toString()).append(" ")
                            .append(n.path("failureSummary").asText().replace('\n', ' '));
                }
                severe.add(b.toString());
            }
        }
        assertTrue(severe.isEmpty(), "axe-core found serious/critical WCAG violations on " + what + ":\n  "
                + String.join("\n  ", severe));
        return all;
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
