package org.kindred.server.dispatch;

import org.kindred.protocol.CheckInRequest;
import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.crisis.CheckInRequests;
import org.kindred.server.i18n.Sentence;
import org.kindred.server.session.Session;
import org.kindred.server.transport.Connection;
import org.kindred.server.transport.Outbound;

/**
 * One of {@code checkin}, {@code checkin.cancel} and {@code checkin.answer}: hands it to its step of
 * the check-in requests, or refuses it {@code forbidden} where check-ins are off.
 *
 * @param <M> the check-in request type this handler takes
 */
final class CheckInHandler<M extends CheckInRequest> implements RequestHandler<M> {
    /** The reply where check-ins are off. */
    static final Sentence UNAVAILABLE = Sentence.of("error.checkins_off");

    /** The step of {@link CheckInRequests} that carries out one request type. */
    @FunctionalInterface
    interface Step<M> {
        void run(CheckInRequests service, Outbound c, Session s, M request);
    }

    private final CheckInRequests checkIns;
    private final Step<M> step;

    /** @param checkIns the check-in requests, or null where check-ins are off */
    CheckInHandler(CheckInRequests checkIns, Step<M> step) {
        this.checkIns = checkIns;
        this.step = step;
    }

    @Override
    public void handle(Connection c, Session s, M request, long now) {
        if (checkIns == null) {
            c.send(UNAVAILABLE.error(request.id(), ErrorCode.FORBIDDEN));
        } else {
            step.run(checkIns, c, s, request);
        }
    }
}
