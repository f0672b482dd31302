package org.kindred.server;

import java.util.function.LongSupplier;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.server.config.KindredConfig;
import org.kindred.server.crisis.CheckInRequests;
import org.kindred.server.crisis.CrisisConfig;
import org.kindred.server.crisis.CrisisSupport;
import org.kindred.server.dispatch.BanCheck;
import org.kindred.server.dispatch.Dispatcher;
import org.kindred.server.dispatch.HelloHandler;
import org.kindred.server.dispatch.Routes;
import org.kindred.server.dispatch.SendFlow;
import org.kindred.server.room.RoomRegistry;
import org.kindred.server.session.CheckIns;
import org.kindred.server.session.SessionLimits;
import org.kindred.server.session.SessionRegistry;

/**
 * Assembles the request layer: the {@code hello} handler, the send flow, the check-in requests,
 * the ban check and the route of every request type, each given the parts of the store and staff services it uses. Part
 * of the composition root (the server, and the socket-less test harness); nothing it builds sees
 * {@link StoreServices} or {@link StaffServices} whole.
 */
public final class RequestLayer {
    private RequestLayer() {
    }

    /**
     * The dispatcher of every connection's requests.
     *
     * @param crisisConfig whether risk messages are held, per room
     * @param moderation   the moderation pipeline and whether content checks are on
     * @param checkIns     the sessions' follow-up check-ins, or null (every {@code checkin*} is refused)
     * @param clock        epoch ms
     * @param limits       new sessions per network fingerprint and reports per member
     */
    public static Dispatcher dispatcher(KindredConfig config, ProtocolCodec codec, SessionRegistry sessions,
            RoomRegistry rooms, StoreServices durable, StaffServices staff, CrisisSupport crisis,
            CrisisConfig crisisConfig, ModerationSetup.Built moderation, CheckIns checkIns, LongSupplier clock,
            SessionLimits limits) {
        return dispatcher(config, codec, sessions, rooms, durable, staff, crisis, crisisConfig, moderation, checkIns,
                clock, limits, new org.kindred.server.session.NewSessionLimiter(limits));
    }

    /** As above, with the new-session allowances {@code newSessions} (shared by the nodes in a cluster). */
    public static Dispatcher dispatcher(KindredConfig config, ProtocolCodec codec, SessionRegistry sessions,
            RoomRegistry rooms, StoreServices durable, StaffServices staff, CrisisSupport crisis,
            CrisisConfig crisisConfig, ModerationSetup.Built moderation, CheckIns checkIns, LongSupplier clock,
            SessionLimits limits, org.kindred.server.session.NewSessions newSessions) {
        SendFlow send = new SendFlow(moderation.pipeline(), moderation.contentChecks(), crisis, crisisConfig,
                staff.review(), staff.hub(), staff.audit(), durable.store().mutes(), durable.blocking(),
                staff.handOff());
        CheckInRequests checkInRequests = checkIns == null ? null
                : new CheckInRequests(checkIns, crisis, staff.audit(), durable.blocking());
        BanCheck bans = new BanCheck(staff.bans(), clock);
        HelloHandler hello = new HelloHandler(config, sessions, rooms, staff.tokens(), staff.revocations(),
                durable.blocking(), bans, checkIns, limits, newSessions);
        Routes routes = new Routes(rooms, staff.handOff(), bans, send, staff.moderators(), staff.reports(), crisis,
                checkInRequests);
        return new Dispatcher(codec, sessions, rooms, hello, routes, crisis, staff.moderators(), clock);
    }
}
