package org.kindred.server.session;

import java.util.List;

/** The protocol 1.1 additions this server supports, as listed in {@code welcome.features}. */
public final class Features {
    /** Every supported addition's name, in no meaningful order. */
    public static final List<String> ALL = List.of("checkin", "mod.bans", "mod.dismiss");

    private Features() {
    }
}
