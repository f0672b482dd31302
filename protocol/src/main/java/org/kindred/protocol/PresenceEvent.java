package org.kindred.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Kind of presence change. */
public enum PresenceEvent {
    @JsonProperty("join") JOIN,
    @JsonProperty("leave") LEAVE
}
