package org.kindred.server.store;

/**
 * What a caller gives to create a {@link Ban}; see its fields.
 *
 * @param expiresAt epoch ms, or null for a permanent ban
 */
public record NewBan(String memberId, String fingerprint, String reason, String bannedBy,
                     long createdAt, Long expiresAt) {
    public NewBan {
        if (memberId == null && fingerprint == null) {
            throw new IllegalArgumentException("a ban needs a member id or a fingerprint");
        }
        if (reason == null || bannedBy == null) {
            throw new NullPointerException("reason and bannedBy are required");
        }
        if (expiresAt != null && expiresAt <= createdAt) {
            throw new IllegalArgumentException("a ban must end after it starts");
        }
    }
}
