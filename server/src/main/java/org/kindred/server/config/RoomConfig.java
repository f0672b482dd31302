package org.kindred.server.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.regex.Pattern;

/** One configured room. Immutable; validated on construction. */
public record RoomConfig(String id, String title, String topic, String guidelines, int capacity) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    @JsonCreator
    public RoomConfig(@JsonProperty("id") String id, @JsonProperty("title") String title,
            @JsonProperty("topic") String topic, @JsonProperty("guidelines") String guidelines,
            @JsonProperty("capacity") int capacity) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("room id: " + id + " (expected: 1-32 of a-z, 0-9, '-')");
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("room " + id + " title: missing (expected: a non-empty title)");
        }
        if (capacity < 2 || capacity > 100_000) {
            throw new IllegalArgumentException("room " + id + " capacity: " + capacity + " (expected: 2..100000)");
        }
        this.id = id;
        this.title = title.strip();
        this.topic = topic == null ? "" : topic.strip();
        this.guidelines = guidelines == null ? "" : guidelines.strip();
        this.capacity = capacity;
    }
}
