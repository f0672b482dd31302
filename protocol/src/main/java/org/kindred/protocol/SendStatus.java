package org.kindred.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Status of an accepted {@code send}. */
public enum SendStatus {
    @JsonProperty("delivered") DELIVERED,
    @JsonProperty("masked") MASKED,
    @JsonProperty("held") HELD
}
