package org.kindred.server.room;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kindred.protocol.MemberInfo;

/**
 * With engines shared by several nodes: members who vanished from the room's presence without
 * anyone announcing their leave (their node died, and its members expired with its liveness
 * key). A member missing at a sweep becomes a suspect; one still missing after the grace period,
 * for whom no {@code leave} came through the broker meanwhile, is gone, and each node tells its
 * own sessions (so every member hears it once). The grace period covers a leave broadcast still
 * on its way and, after a Redis restart, the other nodes adding their members again. Confined to
 * the room's thread.
 */
final class Departures {
    private record Suspect(MemberInfo member, long since) {
    }

    /** {@link Suspect#since} of a suspect noted between sweeps: its grace period starts at the next sweep. */
    private static final long UNTIMED = Long.MIN_VALUE;

    private final Map<String, Suspect> suspects = new HashMap<>();

    /** A {@code leave} of {@code memberId} came through the broker: its node announced it. */
    void announced(String memberId) {
        suspects.remove(memberId);
    }

    /**
     * Compares the members listed before with those listed now (epoch ms {@code now}).
     *
     * @param before the members at the last look
     * @param current the members now
     * @param graceMs how long a member must stay missing before it counts as gone
     * @return the members gone silently, to announce as leaves
     */
    List<MemberInfo> sweep(List<MemberInfo> before, List<MemberInfo> current, long now, long graceMs) {
        Set<String> ids = note(before, current, now);
        List<MemberInfo> gone = new ArrayList<>();
        for (Iterator<Map.Entry<String, Suspect>> it = suspects.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Suspect> e = it.next();
            if (e.getValue().since() == UNTIMED) {
                e.setValue(new Suspect(e.getValue().member(), now));
            }
            Suspect s = e.getValue();
            if (ids.contains(s.member().id())) {
                it.remove(); // back (its node added it again)
            } else if (now - s.since() >= graceMs) {
                gone.add(s.member());
                it.remove();
            }
        }
        return gone;
    }

    /**
     * The list was re-read between sweeps (a join, or an event from another node): members listed
     * before and missing now become suspects too, their grace period starting at the next sweep, so
     * that a member whose node died is still announced once the list no longer shows it.
     *
     * @param before the members at the last look
     * @param current the members now
     */
    void missing(List<MemberInfo> before, List<MemberInfo> current) {
        note(before, current, UNTIMED);
    }

    private Set<String> note(List<MemberInfo> before, List<MemberInfo> current, long since) {
        Set<String> ids = new HashSet<>();
        for (MemberInfo m : current) {
            ids.add(m.id());
        }
        for (MemberInfo m : before) {
            if (!ids.contains(m.id())) {
                suspects.putIfAbsent(m.id(), new Suspect(m, since));
            }
        }
        return ids;
    }
}
