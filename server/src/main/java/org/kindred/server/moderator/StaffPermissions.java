package org.kindred.server.moderator;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.kindred.protocol.ModEvent;
import org.kindred.protocol.ModRequest;
import org.kindred.protocol.Role;
import org.kindred.protocol.ServerMessage;

/**
 * What each staff role may do: the one table of role → allowed {@code mod.*} requests and
 * role → {@code mod.*} events a watching connection receives. Every {@code mod.*} request passes
 * {@link #mayRequest} before anything else; a request not in its role's row is answered
 * {@code forbidden} and has no effect.
 *
 * <table>
 *   <caption>Staff roles</caption>
 *   <tr><th>role</th><th>requests</th><th>events</th></tr>
 *   <tr><td>member</td><td>none</td><td>none</td></tr>
 *   <tr><td>supporter</td><td>{@code mod.watch}, {@code mod.queue} (escalations and reports only),
 *       {@code mod.claim}, {@code mod.resolve}, {@code mod.reach}, {@code mod.close}</td>
 *       <td>{@code mod.escalation}, {@code mod.report}</td></tr>
 *   <tr><td>moderator, admin</td><td>every {@code mod.*} request</td><td>every {@code mod.*} event</td></tr>
 * </table>
 */
public final class StaffPermissions {
    private static final Set<Class<? extends ModRequest>> SUPPORTER_REQUESTS = Set.of(ModRequest.Watch.class,
            ModRequest.Queue.class, ModRequest.Claim.class, ModRequest.Resolve.class, ModRequest.Reach.class,
            ModRequest.Close.class);
    private static final Set<Class<? extends ModRequest>> MODERATOR_REQUESTS = Set.of(ModRequest.Watch.class,
            ModRequest.Delete.class, ModRequest.Mute.class, ModRequest.Unmute.class, ModRequest.Kick.class,
            ModRequest.Ban.class, ModRequest.Unban.class, ModRequest.Slow.class, ModRequest.Lock.class,
            ModRequest.Approve.class, ModRequest.Reject.class, ModRequest.Claim.class, ModRequest.Resolve.class,
            ModRequest.Queue.class, ModRequest.Bans.class, ModRequest.Dismiss.class, ModRequest.Reach.class,
            ModRequest.Close.class);
    private static final Set<Class<? extends ModEvent>> SUPPORTER_EVENTS = Set.of(ModEvent.Escalation.class,
            ModEvent.ReportFiled.class);
    private static final Set<Class<? extends ModEvent>> MODERATOR_EVENTS = Set.of(ModEvent.Alert.class,
            ModEvent.Held.class, ModEvent.ReportFiled.class, ModEvent.RoomState.class, ModEvent.Escalation.class);

    private static final Map<Role, Set<Class<? extends ModRequest>>> REQUESTS = new EnumMap<>(Map.of(
            Role.MEMBER, Set.of(),
            Role.SUPPORTER, SUPPORTER_REQUESTS,
            Role.MODERATOR, MODERATOR_REQUESTS,
            Role.ADMIN, MODERATOR_REQUESTS));
    private static final Map<Role, Set<Class<? extends ModEvent>>> EVENTS = new EnumMap<>(Map.of(
            Role.MEMBER, Set.of(),
            Role.SUPPORTER, SUPPORTER_EVENTS,
            Role.MODERATOR, MODERATOR_EVENTS,
            Role.ADMIN, MODERATOR_EVENTS));

    private StaffPermissions() {
    }

    /** True when {@code role} may send {@code request} (both non-null). */
    public static boolean mayRequest(Role role, ModRequest request) {
        return REQUESTS.get(role).contains(request.getClass());
    }

    /** True when a connection of {@code role} watching the event's room gets {@code event}. */
    public static boolean receives(Role role, ModEvent event) {
        return EVENTS.get(role).contains(event.getClass());
    }

    /** The {@code mod.*} request types {@code role} may send (for tests and documentation). */
    public static Set<Class<? extends ModRequest>> requests(Role role) {
        return REQUESTS.get(role);
    }

    /**
     * {@code queue} as {@code role} may see it: the lists of events the role does not
     * {@linkplain #receives receive} are emptied (a supporter's queue holds escalations and
     * reports only).
     */
    public static ServerMessage.Queue queueFor(Role role, ServerMessage.Queue queue) {
        Set<Class<? extends ModEvent>> seen = EVENTS.get(role);
        return new ServerMessage.Queue(queue.id(),
                seen.contains(ModEvent.Held.class) ? queue.held() : null,
                seen.contains(ModEvent.ReportFiled.class) ? queue.reports() : null,
                seen.contains(ModEvent.Escalation.class) ? queue.escalations() : null,
                seen.contains(ModEvent.Alert.class) ? queue.alerts() : null);
    }
}
