package org.kindred.server.dispatch;

import java.util.HashMap;
import java.util.Map;
import org.kindred.protocol.CheckInRequest;
import org.kindred.protocol.ClientMessage;
import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.ModRequest;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.crisis.CheckInRequests;
import org.kindred.server.crisis.CrisisSupport;
import org.kindred.server.i18n.Sentence;
import org.kindred.server.moderator.MemberReports;
import org.kindred.server.moderator.ModeratorRequests;
import org.kindred.server.room.RoomRegistry;
import org.kindred.server.session.Session;
import org.kindred.server.transport.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which {@link RequestHandler} takes which request type (every type but {@code hello}, which the
 * {@link Dispatcher} answers itself): the handler registered for the request's own class, else for
 * the nearest interface it implements (every {@code mod.*} request is a {@code ModRequest}). A type
 * with no handler is answered {@code bad_request}. Built once, then read-only.
 */
public final class Routes {
    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);
    /** The reply to a request type no handler takes. */
    static final Sentence UNHANDLED = Sentence.of("error.unhandled");

    private final Map<Class<?>, RequestHandler<? extends ClientMessage>> byType = new HashMap<>();

    /**
     * One handler per request type, each given the service that does its work.
     *
     * @param rooms       the configured rooms ({@code not_found} for any other)
     * @param privateRooms the warm hand-off's rooms, which {@code join} and {@code leave} may name
     * @param bans        refuses a banned member's {@code join}
     * @param send        the path of a {@code send}
     * @param moderators  carries out {@code mod.*} requests of staff
     * @param reports     stores {@code report}s
     * @param crisis      answers {@code help}
     * @param checkIns    carries out {@code checkin*} requests, or null where check-ins are off
     */
    public Routes(RoomRegistry rooms, PrivateRooms privateRooms, BanCheck bans, SendFlow send, ModeratorRequests moderators,
            MemberReports reports, CrisisSupport crisis, CheckInRequests checkIns) {
        RoomLookup lookup = new RoomLookup(rooms);
        on(ClientMessage.ListRooms.class, (c, s, m, now) -> c.send(new ServerMessage.Rooms(m.id(),
                rooms.summaries())));
        on(ClientMessage.Join.class, new JoinHandler(lookup, privateRooms, bans));
        on(ClientMessage.Leave.class, new LeaveHandler(lookup, privateRooms));
        on(ClientMessage.Send.class, new SendHandler(lookup, send));
        on(ClientMessage.Typing.class, new TypingHandler(lookup));
        on(ClientMessage.React.class, new ReactHandler(lookup));
        on(ClientMessage.Report.class, new ReportHandler(lookup, reports));
        on(ClientMessage.Help.class, new HelpHandler(lookup, crisis));
        on(ModRequest.class, new ModHandler(moderators));
        on(CheckInRequest.Plan.class, new CheckInHandler<>(checkIns, CheckInRequests::plan));
        on(CheckInRequest.Cancel.class, new CheckInHandler<>(checkIns, CheckInRequests::cancel));
        on(CheckInRequest.Answer.class, new CheckInHandler<>(checkIns, CheckInRequests::answer));
    }

    /** Registers {@code handler} for {@code type} (replacing any before it); for assembly only. */
    <M extends ClientMessage> Routes on(Class<M> type, RequestHandler<M> handler) {
        byType.put(type, handler);
        return this;
    }

    /** True when a handler takes requests of {@code type}. */
    boolean handles(Class<? extends ClientMessage> type) {
        return find(type) != null;
    }

    void route(Connection c, Session s, ClientMessage m, long now) {
        RequestHandler<ClientMessage> h = find(m.getClass());
        if (h == null) {
            LOG.warn("no handler for request type={}", m.getClass().getSimpleName());
            c.send(UNHANDLED.error(m.id(), ErrorCode.BAD_REQUEST));
            return;
        }
        h.handle(c, s, m, now);
    }

    @SuppressWarnings("unchecked")
    private RequestHandler<ClientMessage> find(Class<?> type) {
        RequestHandler<? extends ClientMessage> h = byType.get(type);
        if (h == null) {
            for (Class<?> i : type.getInterfaces()) {
                h = byType.get(i);
                if (h != null) {
                    break;
                }
            }
        }
        return (RequestHandler<ClientMessage>) h;
    }
}
