package org.kindred.server.moderation;

import java.util.Objects;

/**
 * What a lexicon category does by default.
 *
 * @param action the action (rooms may override it)
 * @param alert  whether moderators get {@code mod.alert}
 * @param severe whether a block counts towards the automatic temporary mute
 * @param warn   whether a message that is delivered (masked) or held with this category also
 *               gives its sender a private {@code notice} with code {@code warned}
 */
public record CategoryPolicy(Action action, boolean alert, boolean severe, boolean warn) {
    public CategoryPolicy {
        Objects.requireNonNull(action, "action (expected: allow, mask, hold or block)");
    }

    /** A policy that warns nobody. */
    public CategoryPolicy(Action action, boolean alert, boolean severe) {
        this(action, alert, severe, false);
    }

    /** Policy of a category the configuration does not name: a moderator looks at it. */
    public static final CategoryPolicy UNKNOWN = new CategoryPolicy(Action.HOLD, false, false);
}
