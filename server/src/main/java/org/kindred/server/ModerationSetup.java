package org.kindred.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.kindred.server.config.ConfigException;
import org.kindred.server.config.KindredConfig;
import org.kindred.server.moderation.ModerationConfig;
import org.kindred.server.moderation.ModerationPipeline;
import org.kindred.server.moderation.StageName;

/**
 * Builds the moderation pipeline from the {@code moderation:} section. The core keys
 * {@code maxText}, {@code burst} and {@code ratePerSec} (announced to clients in {@code welcome})
 * are what the pipeline enforces unless the section sets its own. {@code enabled: false} keeps
 * only the shape stage and turns risk assessment off too: meant for benchmarks, never for a
 * community.
 */
public final class ModerationSetup {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The pipeline, whether content checks (abuse filtering and risk assessment) are on, and the
     * configuration it was built from.
     */
    public record Built(ModerationPipeline pipeline, boolean contentChecks, ModerationConfig config) {
    }

    private ModerationSetup() {
    }

    /**
     * The pipeline of the {@code moderation:} section (lexicons from the data directory); the
     * numbers and domains of the crisis-line directory in {@code core.dataDir()} (bundled, or the
     * operator's file) are never masked or held.
     *
     * @throws ConfigException one line naming the bad key of the section
     */
    public static Built build(KindredConfig core, JsonNode section) {
        return build(core, section, org.kindred.server.crisis.CrisisDirectory.load(core.dataDir()));
    }

    /**
     * As above with the given directory ({@code null}: only the section's own crisis numbers and domains).
     *
     * @throws ConfigException one line naming the bad key of the section
     */
    public static Built build(KindredConfig core, JsonNode section, org.kindred.server.crisis.CrisisDirectory lines) {
        boolean enabled = enabled(section);
        ModerationConfig config = config(core, section);
        if (lines != null) {
            config = config.withCrisisLines(CrisisLineNumbers.numbers(lines), CrisisLineNumbers.domains(lines));
        }
        return new Built(ModerationPipeline.create(config, core.dataDir()), enabled, config);
    }

    private static boolean enabled(JsonNode section) {
        JsonNode e = section.get("enabled");
        if (e != null && !e.isBoolean()) {
            throw new ConfigException("moderation.enabled: " + org.kindred.server.config.ConfigErrors.show(e)
                    + " (expected: true or false)");
        }
        return e == null || e.asBoolean();
    }

    /**
     * Reads and checks the section without building anything.
     *
     * @param core    the core settings, whose {@code maxText}, {@code burst} and {@code ratePerSec}
     *                fill keys the section leaves out
     * @param section the {@code moderation} object (may be empty)
     * @return the validated configuration
     * @throws ConfigException one line naming the bad key, its value and what was expected
     */
    public static ModerationConfig config(KindredConfig core, JsonNode section) {
        if (!section.isObject()) {
            throw new ConfigException("moderation: " + org.kindred.server.config.ConfigErrors.show(section)
                    + " (expected: a mapping of key: value)");
        }
        ObjectNode s = ((ObjectNode) section).deepCopy();
        java.util.Set<String> known = new java.util.TreeSet<>(java.util.List.of("enabled"));
        for (var c : ModerationConfig.class.getRecordComponents()) {
            known.add(c.getName());
        }
        for (var it = s.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                throw org.kindred.server.config.ConfigErrors.unknownKey("moderation." + k, k, known);
            }
        }
        boolean enabled = enabled(s);
        s.remove("enabled");
        if (!s.has("maxTextLength")) {
            s.put("maxTextLength", core.maxText());
        }
        if (!s.has("memberBurst")) {
            s.put("memberBurst", core.burst());
        }
        if (!s.has("memberRatePerSecond")) {
            s.put("memberRatePerSecond", core.ratePerSec());
        }
        if (!enabled) {
            s.set("stages", JSON.valueToTree(List.of(StageName.SHAPE)));
        }
        try {
            return JSON.treeToValue(s, ModerationConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw org.kindred.server.config.ConfigErrors.binding("moderation", s, e);
        }
    }
}
