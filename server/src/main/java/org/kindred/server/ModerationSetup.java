package org.kindred.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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

    /** The pipeline and whether content checks (abuse filtering and risk assessment) are on. */
    public record Built(ModerationPipeline pipeline, boolean contentChecks) {
    }

    private ModerationSetup() {
    }

    /**
     * The pipeline of the {@code moderation:} section; the numbers and domains of the crisis-line
     * directory in {@code core.dataDir()} (bundled, or the operator's file) are never masked or held.
     */
    public static Built build(KindredConfig core, JsonNode section) {
        return build(core, section, org.kindred.server.crisis.CrisisDirectory.load(core.dataDir()));
    }

    /** As above with the given directory ({@code null}: only the section's own crisis numbers and domains). */
    public static Built build(KindredConfig core, JsonNode section, org.kindred.server.crisis.CrisisDirectory lines) {
        ObjectNode s = section.isObject() ? ((ObjectNode) section).deepCopy() : JsonNodeFactory.instance.objectNode();
        boolean enabled = !s.has("enabled") || s.get("enabled").asBoolean(true);
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
        ModerationConfig config;
        try {
            config = JSON.treeToValue(s, ModerationConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new ConfigException("moderation: " + root.getMessage(), e);
        }
        if (lines != null) {
            config = config.withCrisisLines(CrisisLineNumbers.numbers(lines), CrisisLineNumbers.domains(lines));
        }
        return new Built(ModerationPipeline.create(config, core.dataDir()), enabled);
    }
}
