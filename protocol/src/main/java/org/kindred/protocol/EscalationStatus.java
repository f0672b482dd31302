package org.kindred.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Life cycle of an escalation. */
public enum EscalationStatus {
    @JsonProperty("open") OPEN,
    @JsonProperty("claimed") CLAIMED,
    @JsonProperty("resolved") RESOLVED
}
