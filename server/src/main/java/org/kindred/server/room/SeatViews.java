package org.kindred.server.room;

import java.util.List;
import org.kindred.protocol.MemberInfo;

/**
 * What a room shows of its members without asking anyone: the list at the last look (room's
 * thread), and, readable from any thread, their nicknames (for telling "@nick" mentions from
 * handles) and how many they are. Replaced as a whole at every look, never changed in place.
 */
final class SeatViews {
    /** The members listed at the last look (room's thread). */
    private List<MemberInfo> listed = List.of();
    /** The members' nicknames, replaced (never changed) on the room's thread; read by any thread. */
    private volatile List<String> mentionable = List.of();
    private volatile int count;

    /** The nicknames at the last look. Any thread. */
    List<String> mentionable() {
        return mentionable;
    }

    /** How many members the last look found. Any thread. */
    int count() {
        return count;
    }

    /** The members at the last look, in join order. Room's thread. */
    List<MemberInfo> listed() {
        return listed;
    }

    /** Replaces the views with {@code members}, the room's members now. Room's thread. */
    void update(List<MemberInfo> members) {
        listed = members;
        String[] names = new String[members.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = members.get(i).nick(); // the strings the members already hold: a reference each
        }
        mentionable = List.of(names);
        count = names.length;
    }
}
