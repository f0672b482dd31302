package org.kindred.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * A run's numbers as Markdown table cells: "–" wherever a number is missing, ratios as
 * "1.23×", and the run's health (saturated, loss, reordering) in words. Stateless.
 */
final class Cells {
    private Cells() {
    }

    /** The number {@code field} of run {@code n}; NaN when the run is null or the field is not a number. */
    static double num(JsonNode n, String field) {
        return n == null || !n.path(field).isNumber() ? Double.NaN : n.path(field).asDouble();
    }

    /** {@code v} with {@code decimals} decimals (root locale), or "–" when it is NaN. */
    static String fmt(double v, int decimals) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** {@code a / b} as "1.23×", or "–" when either is missing. */
    static String ratio(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || b == 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2f×", a / b);
    }

    /** Delivered per second, flagged when the server kept up with less than 95 % of the offered load. */
    static String delivered(JsonNode n) {
        double got = num(n, "deliveriesPerSec");
        String s = fmt(got, 0);
        return got < 0.95 * num(n, "offeredDeliveriesPerSec") ? s + " (saturated)" : s;
    }

    /** "none" for a clean run, else what went wrong (still queued after the drain, or loss, reorder, errors). */
    static String cleanText(JsonNode n) {
        if (n.path("clean").asBoolean() && n.path("ok").asBoolean()) {
            return "none";
        }
        if (n.path("missing").asLong() > 0 && n.path("gaps").asLong() == 0 && n.path("reordered").asLong() == 0
                && n.path("duplicates").asLong() == 0 && n.path("errors").asLong() == 0) {
            return String.format(Locale.ROOT, "%d still queued after the %ds drain (server behind), no gaps or "
                    + "reordering", n.path("missing").asLong(), n.path("drainSeconds").asInt());
        }
        return String.format(Locale.ROOT, "missing %d, gaps %d, reordered %d, dup %d, errors %d",
                n.path("missing").asLong(), n.path("gaps").asLong(), n.path("reordered").asLong(),
                n.path("duplicates").asLong(), n.path("errors").asLong());
    }

    /** "count (total ms)" of the GC pauses ({@code prefix}Pauses, {@code prefix}Ms) in the measured window, "–" when not measured. */
    static String pauses(JsonNode n, String prefix) {
        long count = n.path(prefix + "Pauses").asLong(-1);
        return count < 0 ? "–" : count + " (" + fmt(num(n, prefix + "Ms"), 0) + ")";
    }

    /** "target met" or "TARGET MISSED". */
    static String verdict(boolean met) {
        return met ? "target met" : "TARGET MISSED";
    }
}
