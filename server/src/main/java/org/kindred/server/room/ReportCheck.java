package org.kindred.server.room;

import org.kindred.protocol.ServerMessage;

/**
 * What {@link Room#checkReport} decided: the message being reported ({@code error} null), or
 * the error to reply with ({@code message} null).
 */
public record ReportCheck(ServerMessage.Message message, ServerMessage.Error error) {
    static ReportCheck refused(ServerMessage.Error e) {
        return new ReportCheck(null, e);
    }
}
