package org.kindred.server.session;

import java.util.List;

/** The protocol 1.1 additions this server supports, as {@code welcome.features} lists them. */
public final class Features {
    /** Warm hand-off: {@code mod.reach}, {@code mod.close}, private rooms and {@code invite}. */
    public static final String REACH = "reach";
    /** Peer supporters: role {@code supporter}, limited to the escalations and reports of what they watch. */
    public static final String SUPPORTERS = "supporters";
    /** Everything {@code welcome.features} announces, in no meaningful order. */
    public static final List<String> ALL = List.of("checkin", "mod.bans", "mod.dismiss", REACH, SUPPORTERS,
            "reactions");

    /** Resume on any node of a cluster, with {@code welcome.recovered} (only when the server runs with Redis). */
    public static final String RECOVERED = "recovered";
    /** What a node of a cluster announces: everything, and {@link #RECOVERED}. */
    public static final List<String> CLUSTER = java.util.stream.Stream.concat(ALL.stream(),
            java.util.stream.Stream.of(RECOVERED)).toList();

    private Features() {
    }
}
