package org.kindred.server.crisis;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.Map;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The {@code crisis:} section of the server configuration. Immutable; every instance is valid.
 *
 * <pre>
 * crisis:
 *   reannounceInterval: 2m     # unclaimed imminent escalations are re-announced this often (10s..1h)
 *   riskMessages: deliver      # deliver | hold: what a room does with a message assessed at a risk level
 *   rooms:                     # per-room overrides of riskMessages
 *     grief: hold
 * </pre>
 *
 * Durations accept {@code 90s}, {@code 2m}, {@code 1h}, a bare number of seconds, or ISO-8601
 * ({@code PT2M}). Unknown keys are rejected so that a typo does not silently fall back to a default.
 *
 * @param reannounceInterval how long an unclaimed imminent escalation waits before it is announced again
 * @param riskMessages the default room policy for messages assessed at a risk level
 * @param rooms per-room policies that override {@code riskMessages}
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record CrisisConfig(Duration reannounceInterval, RiskMessagePolicy riskMessages,
        Map<String, RiskMessagePolicy> rooms) {
    public static final Duration DEFAULT_REANNOUNCE_INTERVAL = Duration.ofMinutes(2);
    public static final Duration MIN_REANNOUNCE_INTERVAL = Duration.ofSeconds(10);
    public static final Duration MAX_REANNOUNCE_INTERVAL = Duration.ofHours(1);

    public CrisisConfig {
        if (reannounceInterval == null) {
            throw new IllegalArgumentException("crisis.reannounceInterval is missing (expected: a duration such as 2m)");
        }
        if (riskMessages == null) {
            throw new IllegalArgumentException("crisis.riskMessages is missing (expected: deliver or hold)");
        }
        rooms = Map.copyOf(rooms == null ? Map.of() : rooms);
        if (reannounceInterval.compareTo(MIN_REANNOUNCE_INTERVAL) < 0
                || reannounceInterval.compareTo(MAX_REANNOUNCE_INTERVAL) > 0) {
            throw new IllegalArgumentException("crisis.reannounceInterval: " + reannounceInterval.toSeconds()
                    + "s (expected: between 10s and 1h)");
        }
    }

    /** The policy of one room: its override, else the default. */
    public RiskMessagePolicy riskMessages(String room) {
        return rooms.getOrDefault(room, riskMessages);
    }

    /** The defaults: re-announce every 2 minutes, deliver risk messages. */
    public static CrisisConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Jackson entry point: absent keys take their defaults. */
    @JsonCreator
    static CrisisConfig fromYaml(@JsonProperty("reannounceInterval") String reannounceInterval,
            @JsonProperty("riskMessages") String riskMessages,
            @JsonProperty("rooms") Map<String, String> rooms) {
        Builder b = builder();
        if (rooms != null) {
            Map<String, RiskMessagePolicy> parsed = new java.util.LinkedHashMap<>();
            rooms.forEach((room, policy) -> {
                try {
                    parsed.put(room, RiskMessagePolicy.parse(policy));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("crisis.rooms." + room + ": "
                            + org.kindred.server.config.ConfigErrors.show(policy) + " (expected: deliver or hold)", e);
                }
            });
            b.rooms(parsed);
        }
        if (reannounceInterval != null) {
            b.reannounceInterval(parseDuration(reannounceInterval));
        }
        if (riskMessages != null) {
            b.riskMessages(RiskMessagePolicy.parse(riskMessages));
        }
        return b.build();
    }

    /**
     * Parses {@code 90s}, {@code 2m}, {@code 1h}, {@code 120} (seconds) or ISO-8601 {@code PT2M}.
     *
     * @throws IllegalArgumentException with the accepted forms
     */
    static Duration parseDuration(String raw) {
        String v = raw.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("pt")) {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            }
            if (v.matches("\\d{1,7}")) {
                return Duration.ofSeconds(Long.parseLong(v));
            }
            if (v.matches("\\d{1,7}(ms|s|m|h)")) {
                if (v.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
                }
                long n = Long.parseLong(v.substring(0, v.length() - 1));
                return switch (v.charAt(v.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            // fall through to the explanatory error
        }
        throw new IllegalArgumentException("crisis.reannounceInterval: " + org.kindred.server.config.ConfigErrors.show(raw)
                + " (expected: a duration such as 90s, 2m, 1h, a number of seconds, or PT2M)");
    }

    /** Validating builder; {@link #build()} throws {@link IllegalArgumentException} on a bad value. */
    public static final class Builder {
        private Duration reannounceInterval = DEFAULT_REANNOUNCE_INTERVAL;
        private RiskMessagePolicy riskMessages = RiskMessagePolicy.DELIVER;
        private Map<String, RiskMessagePolicy> rooms = Map.of();

        private Builder() {
        }

        public Builder reannounceInterval(Duration value) {
            this.reannounceInterval = value;
            return this;
        }

        public Builder riskMessages(RiskMessagePolicy value) {
            this.riskMessages = value;
            return this;
        }

        public Builder rooms(Map<String, RiskMessagePolicy> value) {
            this.rooms = value;
            return this;
        }

        public CrisisConfig build() {
            return new CrisisConfig(reannounceInterval, riskMessages, rooms);
        }
    }
}
