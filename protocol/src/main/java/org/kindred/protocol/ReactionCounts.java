package org.kindred.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How many members gave each supportive reaction to one message: counts only, never who. On the
 * wire an object such as {@code {"heart":2,"same":1}}; a reaction nobody gave is left out, so a
 * message without reactions carries {@code {}}. Counts are never negative.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record ReactionCounts(int heart, int hug, int strength, int same) {
    /** No reactions at all. */
    public static final ReactionCounts NONE = new ReactionCounts(0, 0, 0, 0);

    public ReactionCounts {
        if (heart < 0 || hug < 0 || strength < 0 || same < 0) {
            throw new IllegalArgumentException("counts: " + heart + ", " + hug + ", " + strength + ", " + same
                    + " (expected: each >= 0)");
        }
    }

    /** Reads the wire form, where a reaction nobody gave is absent (0). */
    @JsonCreator
    static ReactionCounts read(@JsonProperty("heart") Integer heart, @JsonProperty("hug") Integer hug,
            @JsonProperty("strength") Integer strength, @JsonProperty("same") Integer same) {
        return new ReactionCounts(zeroIfAbsent(heart), zeroIfAbsent(hug), zeroIfAbsent(strength), zeroIfAbsent(same));
    }

    private static int zeroIfAbsent(Integer n) {
        return n == null ? 0 : n;
    }

    /** The count of {@code kind}. */
    public int of(ReactionKind kind) {
        return switch (kind) {
            case HEART -> heart;
            case HUG -> hug;
            case STRENGTH -> strength;
            case SAME -> same;
        };
    }

    /** These counts with {@code kind} set to {@code count} ({@code >= 0}). */
    public ReactionCounts with(ReactionKind kind, int count) {
        return switch (kind) {
            case HEART -> new ReactionCounts(count, hug, strength, same);
            case HUG -> new ReactionCounts(heart, count, strength, same);
            case STRENGTH -> new ReactionCounts(heart, hug, count, same);
            case SAME -> new ReactionCounts(heart, hug, strength, count);
        };
    }
}
