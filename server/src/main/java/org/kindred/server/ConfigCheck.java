package org.kindred.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.kindred.server.config.ConfigErrors;
import org.kindred.server.config.ConfigException;
import org.kindred.server.config.ConfigLoader;
import org.kindred.server.config.KindredConfig;
import org.kindred.server.crisis.CrisisDirectory;
import org.kindred.server.paging.PagingConfig;
import org.kindred.server.session.SessionLimits;
import org.kindred.server.transport.HttpLimits;

/**
 * Checks every section of a loaded configuration, and the operator's crisis-line file, before
 * anything is opened or started, so that a bad value stops the start with one line instead of
 * failing half-way through it.
 */
public final class ConfigCheck {
    private ConfigCheck() {
    }

    /**
     * Reads every section the server will read ({@code moderation}, {@code crisis},
     * {@code store}, {@code paging}, {@code http}, {@code sessions}) and
     * {@code <dataDir>/crisis-lines.yaml} when present.
     *
     * @param loaded the core settings and the merged tree
     * @throws ConfigException one line naming the key (or file), the value and what was expected
     */
    public static void check(ConfigLoader.Loaded loaded) {
        KindredConfig core = loaded.config();
        ModerationSetup.config(core, section(loaded, "moderation"));
        CrisisSetup.config(section(loaded, "crisis"));
        StoreServices.storeConfig(section(loaded, "store"));
        PagingConfig.from(section(loaded, "paging"));
        HttpLimits.from(section(loaded, "http"));
        SessionLimits.from(section(loaded, "sessions"));
        crisisLines(core.dataDir());
    }

    /** A section as the server reads it: absent or empty ({@code store:}) is an empty mapping. */
    static JsonNode section(ConfigLoader.Loaded loaded, String name) {
        return section(loaded.tree(), name);
    }

    /** The section {@code name} of {@code tree} (null: none) as the server reads it; absent or empty is an empty mapping. */
    static JsonNode section(JsonNode tree, String name) {
        JsonNode n = tree == null ? null : tree.get(name);
        return n == null || n.isNull() ? JsonNodeFactory.instance.objectNode() : n;
    }

    private static void crisisLines(Path dataDir) {
        Path file = dataDir.resolve(CrisisDirectory.OVERRIDE_FILE);
        try {
            CrisisDirectory.load(dataDir);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof JsonProcessingException j) {
                if (ConfigErrors.isSyntax(j)) {
                    throw ConfigErrors.brokenYaml(file.toString(), j);
                }
                if (j instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
                    java.util.List<String> known = new java.util.ArrayList<>();
                    u.getKnownPropertyIds().forEach(o -> known.add(String.valueOf(o)));
                    throw new ConfigException(file + ": " + ConfigErrors.unknownKey(u.getPropertyName(),
                            u.getPropertyName(), known).getMessage(), e);
                }
                String msg = j.getOriginalMessage() == null ? "" : j.getOriginalMessage();
                int nl = msg.indexOf('\n');
                throw new ConfigException(file + ": " + ConfigErrors.show(nl < 0 ? msg : msg.substring(0, nl))
                        + " (expected: the shape of the bundled crisis-lines.yaml)", e);
            }
            throw new ConfigException(file + ": cannot be read (expected: a readable YAML file)", e);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": " + e.getMessage().replaceAll("\\s+", " ").strip(), e);
        }
    }
}
