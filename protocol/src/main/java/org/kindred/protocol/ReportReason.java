package org.kindred.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Reasons a member may give when reporting a message. */
public enum ReportReason {
    @JsonProperty("harassment") HARASSMENT,
    @JsonProperty("spam") SPAM,
    @JsonProperty("self_harm") SELF_HARM,
    @JsonProperty("inappropriate") INAPPROPRIATE,
    @JsonProperty("other") OTHER
}
