package org.kindred.server.dispatch;

import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.ModRequest;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.i18n.Sentence;
import org.kindred.server.moderator.ModeratorRequests;
import org.kindred.server.session.Session;
import org.kindred.server.transport.Connection;

/** Every {@code mod.*} request: staff only ({@code forbidden} for members); the moderator requests carry it out. */
final class ModHandler implements RequestHandler<ModRequest> {
    /** The reply to a member who sends a {@code mod.*} request. */
    static final Sentence STAFF_ONLY = Sentence.of("error.staff_only");

    private final ModeratorRequests moderators;

    ModHandler(ModeratorRequests moderators) {
        this.moderators = moderators;
    }

    @Override
    public void handle(Connection c, Session s, ModRequest request, long now) {
        if (s.role().canModerate()) {
            moderators.handle(c, s, request);
        } else {
            c.send(STAFF_ONLY.error(request.id(), ErrorCode.FORBIDDEN));
        }
    }
}
