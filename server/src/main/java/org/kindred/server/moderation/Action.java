package org.kindred.server.moderation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a matched category does to a message. Ordered from mildest to most severe. */
public enum Action {
    ALLOW, MASK, HOLD, BLOCK;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Action parse(String value) {
        for (Action a : values()) {
            if (a.name().equalsIgnoreCase(value.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("action '" + value + "' (expected: allow, mask, hold or block)");
    }

    /** The more severe of two actions. */
    public Action max(Action other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
