package org.kindred.server.session;

import org.kindred.server.transport.Connection;

/** The session a connection serves, as {@link SessionRegistry} attached it. */
public final class Sessions {
    private Sessions() {
    }

    /** The session attached to {@code c}, or null before {@code hello} (or after it ended). */
    public static Session of(Connection c) {
        return c.attachment() instanceof Session s ? s : null;
    }
}
