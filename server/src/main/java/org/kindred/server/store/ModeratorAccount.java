package org.kindred.server.store;

import java.util.Objects;
import org.kindred.protocol.Role;

/**
 * A moderator or admin account.
 *
 * @param name         unique account name (callers normalise it; the store compares exactly)
 * @param role         {@link Role#SUPPORTER}, {@link Role#MODERATOR} or {@link Role#ADMIN}
 * @param passwordHash encoded password hash, never the password
 * @param disabled     a disabled account cannot log in and its tokens are refused
 * @param createdAt    epoch ms
 */
public record ModeratorAccount(String name, Role role, String passwordHash, boolean disabled,
                               long createdAt) {
    public ModeratorAccount {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "passwordHash");
        if (!role.canModerate()) {
            throw new IllegalArgumentException("an account is a moderator or an admin");
        }
    }

    /** Never prints the hash. */
    @Override
    public String toString() {
        return "ModeratorAccount[name=" + name + ", role=" + role + ", disabled=" + disabled
                + ", createdAt=" + createdAt + "]";
    }
}
