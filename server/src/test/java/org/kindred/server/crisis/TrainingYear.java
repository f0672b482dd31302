package org.kindred.server.crisis;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.function.LongSupplier;
import org.kindred.server.text.Normalizer;

/**
 * The clock the tests read the bundled assessor with: always the middle of
 * {@link ConceptCombos#TRAINING_YEAR} (UTC), so a test line with a bare year ("in 2026") reads the same
 * whatever the date the tests run on (twenty-first round). The server itself keeps its own clock
 * ({@link RiskAssessor#withBundledRules(Normalizer)}).
 */
final class TrainingYear {
    /** Epoch milliseconds of 1 July of the training year, UTC; the same value on every call. */
    static final LongSupplier CLOCK;

    static {
        long mid = ZonedDateTime.of(ConceptCombos.TRAINING_YEAR, 7, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant()
                .toEpochMilli();
        CLOCK = () -> mid;
    }

    private TrainingYear() {
    }

    /**
     * The bundled rules and model, reading the year from {@link #CLOCK}.
     *
     * @param normalizer the shared normaliser
     * @return a new assessor (rules and the model's weights loaded from the classpath)
     */
    static RiskAssessor bundled(Normalizer normalizer) {
        return RiskAssessor.withBundledRules(normalizer, CLOCK);
    }
}
