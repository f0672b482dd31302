package org.kindred.server.crisis;

import java.util.List;
import java.util.Set;
import org.kindred.protocol.RiskLevel;

/**
 * The outcome of {@link RiskAssessor#assess}. Immutable. {@link #toString()} never contains
 * message text, so an assessment can be logged.
 *
 * @param level {@code null} when nothing was found, else the level (the highest signal, raised by boosts)
 * @param categories the signal categories found, in {@link RiskCategory} order
 * @param evidence where in the original text the signals are, strongest first (for excerpts)
 */
public record RiskAssessment(RiskLevel level, Set<RiskCategory> categories, List<Span> evidence) {
    /** Nothing found. */
    public static final RiskAssessment NONE = new RiskAssessment(null, Set.of(), List.of());

    public RiskAssessment {
        categories = Set.copyOf(categories);
        evidence = List.copyOf(evidence);
        if ((level == null) != categories.isEmpty()) {
            throw new IllegalArgumentException("level and categories must be both empty or both present");
        }
    }

    /** Whether any signal was found. */
    public boolean atRisk() {
        return level != null;
    }

    /** Whether this level opens an escalation ({@code high} or {@code imminent}). */
    public boolean escalates() {
        return level != null && level.escalates();
    }

    /** A character range {@code [start, end)} of the original text. */
    public record Span(int start, int end) {
    }

    /**
     * A short excerpt of {@code original} around the strongest signal, for moderators, at most
     * {@code max} characters (an ellipsis marks cuts). Falls back to the start of the text.
     */
    public String excerpt(String original, int max) {
        if (original == null || original.isEmpty() || max < 8) {
            return "";
        }
        String text = original;
        if (text.length() <= max) {
            return text.strip();
        }
        int center = evidence.isEmpty() ? 0 : (evidence.get(0).start() + evidence.get(0).end()) / 2;
        int from = Math.max(0, Math.min(center - max / 2, text.length() - max + 2));
        int to = Math.min(text.length(), from + max - 2);
        if (from > 0 && Character.isLowSurrogate(text.charAt(from))) {
            from++;
        }
        if (to < text.length() && Character.isHighSurrogate(text.charAt(to - 1))) {
            to--;
        }
        return (from > 0 ? "…" : "") + text.substring(from, to).strip() + (to < text.length() ? "…" : "");
    }

    @Override
    public String toString() {
        return "RiskAssessment[level=" + level + ", categories=" + categories + "]";
    }
}
