package org.kindred.server.store;

import java.util.Objects;

/**
 * A ban of a member's session and of its network fingerprint.
 *
 * @param id          opaque id (as in the {@code ok} reply to {@code mod.ban})
 * @param memberId    the banned member id, or null when only the fingerprint is banned
 * @param fingerprint keyed hash of the member's network address, or null when unknown
 * @param reason      why; never message text
 * @param bannedBy    moderator name, or {@code "system"}
 * @param createdAt   epoch ms
 * @param expiresAt   epoch ms, or null for a permanent ban
 * @param liftedAt    epoch ms when lifted, or null
 * @param liftedBy    who lifted it, or null
 */
public record Ban(String id, String memberId, String fingerprint, String reason, String bannedBy,
                  long createdAt, Long expiresAt, Long liftedAt, String liftedBy) {
    public Ban {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(bannedBy, "bannedBy");
        if (memberId == null && fingerprint == null) {
            throw new IllegalArgumentException("a ban needs a member id or a fingerprint");
        }
    }

    /** Not lifted and not yet expired at {@code now}. */
    public boolean isActiveAt(long now) {
        return liftedAt == null && (expiresAt == null || now < expiresAt);
    }

    public boolean isPermanent() {
        return expiresAt == null;
    }
}
