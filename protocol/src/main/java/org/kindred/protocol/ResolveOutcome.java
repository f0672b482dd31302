package org.kindred.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a moderator closed an escalation. */
public enum ResolveOutcome {
    @JsonProperty("handed_off") HANDED_OFF,
    @JsonProperty("resolved") RESOLVED,
    @JsonProperty("false_alarm") FALSE_ALARM
}
