package org.kindred.server.session;

import java.util.Objects;
import org.kindred.protocol.Role;

/** An authenticated moderator or admin. */
public record Principal(String name, Role role) {
    public Principal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }
}
