package org.kindred.server.moderation;

import java.util.Objects;

/**
 * What a lexicon category does by default.
 *
 * @param action the action (rooms may override it)
 * @param alert  whether moderators get {@code mod.alert}
 * @param severe whether a block counts towards the automatic temporary mute
 */
public record CategoryPolicy(Action action, boolean alert, boolean severe) {
    public CategoryPolicy {
        Objects.requireNonNull(action, "action (expected: allow, mask, hold or block)");
    }

    /** Policy of a category the configuration does not name: a moderator looks at it. */
    public static final CategoryPolicy UNKNOWN = new CategoryPolicy(Action.HOLD, false, false);
}
