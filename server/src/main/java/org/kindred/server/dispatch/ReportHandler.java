package org.kindred.server.dispatch;

import org.kindred.protocol.ClientMessage;
import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.i18n.Sentence;
import org.kindred.server.moderator.MemberReports;
import org.kindred.server.room.Room;
import org.kindred.server.session.Session;
import org.kindred.server.transport.Connection;

/**
 * {@code report}: of a message in an existing room; the member reports check and store it off
 * the event loop, and the reply ({@code ok}, or the refusal they give) goes out when that is done.
 * A store failure is answered {@code internal}.
 */
final class ReportHandler implements RequestHandler<ClientMessage.Report> {
    private final RoomLookup rooms;
    private final MemberReports reports;

    ReportHandler(RoomLookup rooms, MemberReports reports) {
        this.rooms = rooms;
        this.reports = reports;
    }

    @Override
    public void handle(Connection c, Session s, ClientMessage.Report report, long now) {
        Room room = rooms.find(c, report.id(), report.room());
        if (room != null) {
            c.sendWhenDone(reports.report(s, room, report), err -> Sentence.of("error.internal")
                    .error(report.id(), ErrorCode.INTERNAL));
        }
    }
}
