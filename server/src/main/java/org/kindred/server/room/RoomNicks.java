package org.kindred.server.room;

import org.kindred.server.broker.Presence;
import org.kindred.server.session.NickRules;
import org.kindred.server.session.Pseudonyms;
import org.kindred.server.session.Session;

/**
 * A room's nickname claims, kept in its {@link Presence} (shared by the nodes when it is): a
 * nickname is claimed through all its look-alike keys ({@link NickRules#keys}), so no two
 * members of the room hold look-alikes. Calls may wait for the shared presence and throw an
 * unchecked exception when it is unreachable: room's thread.
 */
final class RoomNicks {
    private final String room;
    private final Presence presence;
    private final NickRules rules;

    RoomNicks(String room, Presence presence, NickRules rules) {
        this.room = room;
        this.presence = presence;
        this.rules = rules;
    }

    /** The nickname as the room shows it ({@link NickRules#normalise}), or null when it is not acceptable. */
    String normalise(String requested, boolean staff) {
        return rules.normalise(requested, staff);
    }

    /** Claims {@code nick} for {@code memberId}; false when someone else holds a look-alike. */
    boolean claim(String memberId, String nick) {
        return presence.claimNick(room, memberId, rules.keys(nick));
    }

    /** A pseudonym no one here uses, claimed for {@code s}. */
    String freePseudonym(Session s) {
        String nick = s.pseudonym();
        for (int i = 0; !claim(s.memberId(), nick) && i < 20; i++) {
            nick = Pseudonyms.next();
        }
        if (!claim(s.memberId(), nick)) {
            nick = s.pseudonym() + " " + (presence.count(room) + 1);
            claim(s.memberId(), nick);
        }
        return nick;
    }

    /** Releases what {@code memberId} claimed. */
    void release(String memberId) {
        presence.releaseNick(room, memberId);
    }
}
