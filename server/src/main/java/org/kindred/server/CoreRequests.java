package org.kindred.server;

import java.util.Optional;
import org.kindred.protocol.ClientMessage;
import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.SendStatus;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.room.Room;
import org.kindred.server.session.Connection;
import org.kindred.server.session.Principal;
import org.kindred.server.session.RequestHandlers;
import org.kindred.server.session.Session;

/**
 * Request handling of the core server: {@code send} checks the text's length and posts it;
 * the requests whose services are not part of this build are answered with a clear error.
 */
public final class CoreRequests implements RequestHandlers {
    private final int maxText;

    public CoreRequests(int maxText) {
        this.maxText = maxText;
    }

    @Override
    public void onSend(Connection c, Session s, Room room, ClientMessage.Send send, long now) {
        String text = send.text().strip();
        if (text.isEmpty() || text.length() > maxText) {
            c.send(ServerMessage.Error.of(send.id(), ErrorCode.TEXT_INVALID,
                    "Messages must be between 1 and " + maxText + " characters."));
            return;
        }
        room.post(s, c, send.id(), text, SendStatus.DELIVERED);
    }

    @Override
    public void onOther(Connection c, Session s, ClientMessage message, long now) {
        c.send(ServerMessage.Error.of(message.id(), ErrorCode.INTERNAL,
                "That isn't available on this server yet."));
    }

    @Override
    public Optional<Principal> authenticate(String token) {
        return Optional.empty();
    }

    @Override
    public boolean admitted(Connection c, Session s, String reqId) {
        return true;
    }
}
