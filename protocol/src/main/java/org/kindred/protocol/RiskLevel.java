package org.kindred.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Risk levels of RISK-LEVELS.md, in increasing order of severity. */
public enum RiskLevel {
    @JsonProperty("concern") CONCERN,
    @JsonProperty("high") HIGH,
    @JsonProperty("imminent") IMMINENT;

    /** {@code high} and {@code imminent} open an escalation. */
    public boolean escalates() {
        return this != CONCERN;
    }
}
