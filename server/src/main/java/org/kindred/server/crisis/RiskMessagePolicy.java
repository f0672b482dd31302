package org.kindred.server.crisis;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a room does with a message that was assessed at some risk level. */
public enum RiskMessagePolicy {
    /** The message is delivered as usual; the writer gets the crisis card privately. The default. */
    DELIVER,
    /** The message is held for a moderator (status {@code held}); the writer still gets the crisis card. */
    HOLD;

    /** The name used in configuration files. */
    @JsonValue
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a configuration value, case-insensitively.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    @JsonCreator
    public static RiskMessagePolicy parse(String value) {
        if (value != null) {
            for (RiskMessagePolicy p : values()) {
                if (p.configName().equalsIgnoreCase(value.trim())) {
                    return p;
                }
            }
        }
        throw new IllegalArgumentException(
                "crisis.riskMessages: " + org.kindred.server.config.ConfigErrors.show(value)
                        + " (expected: deliver or hold)");
    }
}
