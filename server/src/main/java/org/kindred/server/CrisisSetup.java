package org.kindred.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import org.kindred.server.config.ConfigErrors;
import org.kindred.server.config.ConfigException;
import org.kindred.server.crisis.CrisisConfig;
import org.kindred.server.crisis.CrisisDirectory;
import org.kindred.server.crisis.CrisisResponder;
import org.kindred.server.crisis.CrisisSupport;
import org.kindred.server.crisis.RiskAssessor;
import org.kindred.server.moderator.Escalations;
import org.kindred.server.text.Normalizer;

/** Reads the {@code crisis:} section and builds the crisis support over the bundled rules and sentences. */
public final class CrisisSetup {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CrisisSetup() {
    }

    /**
     * Reads and checks the {@code crisis} section.
     *
     * @throws ConfigException one line naming the bad key, its value and what was expected
     */
    public static CrisisConfig config(JsonNode section) {
        if (!section.isObject()) {
            throw new ConfigException("crisis: " + ConfigErrors.show(section) + " (expected: a mapping of key: value)");
        }
        try {
            return JSON.treeToValue(section, CrisisConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw ConfigErrors.binding("crisis", section, e);
        }
    }

    /**
     * Risk assessment with the bundled rules, and the crisis card with the bundled sentences and
     * the crisis-line directory of {@code dataDir} (the operator's file, else the bundled one).
     *
     * @param escalations where risk and {@code help} open escalations
     * @param blocking    the executor for store work
     */
    public static CrisisSupport support(Path dataDir, Escalations escalations, Executor blocking) {
        return support(dataDir, escalations, blocking, System::currentTimeMillis);
    }

    /**
     * {@link #support(Path, Escalations, Executor)} with the server's clock (epoch ms): the assessment reads
     * the current year from it on every message (a bare year before it tells of the writer's past).
     */
    public static CrisisSupport support(Path dataDir, Escalations escalations, Executor blocking,
            java.util.function.LongSupplier clock) {
        return new CrisisSupport(RiskAssessor.withBundledRules(new Normalizer(), clock),
                CrisisResponder.withBundledSentences(CrisisDirectory.load(dataDir)), escalations, blocking);
    }
}
