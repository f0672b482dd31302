package org.kindred.server.dispatch;

import org.kindred.protocol.ClientMessage;
import org.kindred.server.crisis.CrisisSupport;
import org.kindred.server.session.Session;
import org.kindred.server.transport.Connection;

/**
 * {@code help}: always answered with the crisis lines, and an escalation is opened. An unknown
 * room counts as no room: its name never reaches storage or moderators.
 */
final class HelpHandler implements RequestHandler<ClientMessage.Help> {
    private final RoomLookup rooms;
    private final CrisisSupport crisis;

    HelpHandler(RoomLookup rooms, CrisisSupport crisis) {
        this.rooms = rooms;
        this.crisis = crisis;
    }

    @Override
    public void handle(Connection c, Session s, ClientMessage.Help help, long now) {
        crisis.help(c, s, help, rooms.exists(help.room()) ? help.room() : null);
    }
}
