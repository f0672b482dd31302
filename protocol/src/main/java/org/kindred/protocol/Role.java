package org.kindred.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A participant's role, as {@code welcome.member.role} and every {@code from}/{@code member}
 * carry it. {@link #SUPPORTER} (a trained peer supporter) is protocol 1.1.
 */
public enum Role {
    @JsonProperty("member") MEMBER,
    @JsonProperty("supporter") SUPPORTER,
    @JsonProperty("moderator") MODERATOR,
    @JsonProperty("admin") ADMIN;

    /**
     * True for every staff role (supporter, moderator, admin): signs in with {@code auth}, wears
     * a badge in rooms, is exempt from members' room limits and may send {@code mod.*} requests.
     * Which {@code mod.*} requests each staff role may use is the server's business (supporters
     * only a few).
     */
    public boolean canModerate() {
        return this != MEMBER;
    }
}
