package org.kindred.server.moderation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The stages a pipeline can run, named as in configuration. */
public enum StageName {
    SHAPE, RATE, NORMALIZE, LEXICON, CONTACT, LINKS;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static StageName parse(String value) {
        for (StageName s : values()) {
            if (s.name().equalsIgnoreCase(value.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("stage '" + value
                + "' (expected: one of shape, rate, normalize, lexicon, contact, links)");
    }
}
