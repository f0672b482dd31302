package org.kindred.server.session;

import org.kindred.protocol.Role;

/** An authenticated moderator or admin. */
public record Principal(String name, Role role) {
}
