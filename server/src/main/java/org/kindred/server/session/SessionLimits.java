package org.kindred.server.session;

import com.fasterxml.jackson.databind.JsonNode;
import org.kindred.server.config.ConfigException;

/**
 * Limits on sessions, from the {@code sessions} section of the configuration:
 *
 * <pre>
 * sessions:
 *   newBurst: 20            # new sessions one network fingerprint may open at once
 *   newPerMinute: 30        # ... and then per minute
 *   reportBurst: 10         # reports one member may file at once
 *   reportsPerMinute: 6     # ... and then per minute
 * </pre>
 *
 * Resuming a session never counts as a new one; staff who sign in are not limited.
 *
 * @param newBurst          new sessions per network fingerprint in a burst, 1..100000
 * @param newPerMinute      new sessions per network fingerprint per minute, (0, 1000000]
 * @param reportBurst       reports per member in a burst, 1..1000
 * @param reportsPerMinute  reports per member per minute, (0, 10000]
 */
public record SessionLimits(int newBurst, double newPerMinute, int reportBurst, double reportsPerMinute) {
    /** The limits of a fresh install. */
    public static final SessionLimits DEFAULTS = new SessionLimits(20, 30, 10, 6);

    public SessionLimits {
        require(newBurst >= 1 && newBurst <= 100_000, "newBurst", newBurst, "1..100000");
        require(newPerMinute > 0 && newPerMinute <= 1_000_000, "newPerMinute", newPerMinute,
                "a number in (0, 1000000]");
        require(reportBurst >= 1 && reportBurst <= 1000, "reportBurst", reportBurst, "1..1000");
        require(reportsPerMinute > 0 && reportsPerMinute <= 10_000, "reportsPerMinute", reportsPerMinute,
                "a number in (0, 10000]");
    }

    /**
     * Reads the {@code sessions} section (an object; absent keys keep their defaults).
     *
     * @throws ConfigException naming the key and what was expected when a value is wrong
     */
    public static SessionLimits from(JsonNode section) {
        if (section == null || section.isMissingNode() || section.isNull()) {
            return DEFAULTS;
        }
        if (!section.isObject()) {
            throw new ConfigException("sessions: " + section.getNodeType() + " (expected: an object)");
        }
        var names = section.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!java.util.Set.of("newBurst", "newPerMinute", "reportBurst", "reportsPerMinute").contains(n)) {
                throw org.kindred.server.config.ConfigErrors.unknownKey("sessions." + n, n,
                        java.util.Set.of("newBurst", "newPerMinute", "reportBurst", "reportsPerMinute"));
            }
        }
        return new SessionLimits(
                (int) number(section, "newBurst", DEFAULTS.newBurst, true),
                number(section, "newPerMinute", DEFAULTS.newPerMinute, false),
                (int) number(section, "reportBurst", DEFAULTS.reportBurst, true),
                number(section, "reportsPerMinute", DEFAULTS.reportsPerMinute, false));
    }

    private static double number(JsonNode section, String key, double dflt, boolean whole) {
        JsonNode n = section.get(key);
        if (n == null) {
            return dflt;
        }
        if (!n.isNumber() || (whole && !n.canConvertToInt())) {
            throw new ConfigException("sessions." + key + ": " + n + " (expected: "
                    + (whole ? "a whole number" : "a number") + ")");
        }
        return whole ? n.asInt() : n.asDouble();
    }

    private static void require(boolean ok, String name, Object value, String expected) {
        if (!ok) {
            throw new ConfigException("sessions." + name + ": " + value + " (expected: " + expected + ")");
        }
    }
}
