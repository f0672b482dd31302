package org.kindred.server.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.regex.Pattern;

/**
 * One configured room. Immutable; validated on construction.
 *
 * @param id         required: 1 to 32 of {@code a-z}, {@code 0-9}, {@code -}, starting with a letter or digit
 * @param title      required: the name members see
 * @param topic      optional: one line under the title (empty when absent)
 * @param guidelines optional: the short rules a member accepts before joining (empty when absent)
 * @param capacity   required: connected members at most, 2..100000
 * @throws IllegalArgumentException {@code <field>: <value> (expected: …)} for a missing or bad field
 */
public record RoomConfig(String id, String title, String topic, String guidelines, int capacity) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    public RoomConfig {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id: " + (id == null ? "(missing)" : ConfigErrors.show(id))
                    + " (expected: 1-32 of a-z, 0-9, '-')");
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title: (missing) (expected: a non-empty title for room " + id + ")");
        }
        if (capacity < 2 || capacity > 100_000) {
            throw new IllegalArgumentException("capacity: " + capacity + " (expected: 2..100000 for room " + id + ")");
        }
        title = title.strip();
        topic = topic == null ? "" : topic.strip();
        guidelines = guidelines == null ? "" : guidelines.strip();
    }

    /** The YAML form: {@code capacity} is required (absent is an error, not 0). */
    @JsonCreator
    static RoomConfig fromYaml(@JsonProperty("id") String id, @JsonProperty("title") String title,
            @JsonProperty("topic") String topic, @JsonProperty("guidelines") String guidelines,
            @JsonProperty("capacity") Integer capacity) {
        if (capacity == null) {
            throw new IllegalArgumentException("capacity: (missing) (expected: 2..100000 for room " + id + ")");
        }
        return new RoomConfig(id, title, topic, guidelines, capacity);
    }
}
