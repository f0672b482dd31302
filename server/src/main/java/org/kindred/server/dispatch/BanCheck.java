package org.kindred.server.dispatch;

import java.util.Optional;
import java.util.function.LongSupplier;
import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.Role;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.i18n.Sentence;
import org.kindred.server.moderator.BanList;
import org.kindred.server.session.Session;
import org.kindred.server.store.Ban;
import org.kindred.server.transport.Outbound;

/**
 * Whether a session may go on ({@code hello}) or into a room ({@code join}): staff always; a
 * member unless a ban holds for its member id or network fingerprint, in which case the request
 * is answered {@code banned} (with the time left, in ms, for a ban that ends).
 */
public final class BanCheck {
    private final BanList bans;
    private final LongSupplier clock;

    /** @param clock epoch ms */
    public BanCheck(BanList bans, LongSupplier clock) {
        this.bans = bans;
        this.clock = clock;
    }

    /** True when {@code s} may go on; else false after replying {@code banned} to request {@code reqId}. */
    boolean admits(Outbound c, Session s, String reqId) {
        return admits(c, s.role(), s.memberId(), s.fingerprint(), reqId);
    }

    /**
     * The same check before a session exists: true when a session with {@code role}, member id
     * {@code memberId} (null for a new member) and network fingerprint {@code fingerprint} (may be
     * null) may go on; else false after replying {@code banned} to request {@code reqId}.
     */
    boolean admits(Outbound c, Role role, String memberId, String fingerprint, String reqId) {
        if (role.canModerate()) {
            return true;
        }
        Optional<Ban> ban = bans.activeFor(memberId, fingerprint);
        if (ban.isEmpty()) {
            return true;
        }
        Ban b = ban.get();
        Long left = b.expiresAt() == null ? null : Math.max(1, b.expiresAt() - clock.getAsLong());
        c.send(Sentence.of(b.expiresAt() == null ? "error.banned.permanent" : "error.banned")
                .error(reqId, ErrorCode.BANNED, left));
        return false;
    }
}
