package org.kindred.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What opened an escalation. */
public enum EscalationSource {
    @JsonProperty("keyword") KEYWORD,
    @JsonProperty("help") HELP,
    @JsonProperty("report") REPORT
}
