package org.kindred.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A participant's role. */
public enum Role {
    @JsonProperty("member") MEMBER,
    @JsonProperty("moderator") MODERATOR,
    @JsonProperty("admin") ADMIN;

    /** Moderators and admins may use {@code mod.*} requests. */
    public boolean canModerate() {
        return this != MEMBER;
    }
}
