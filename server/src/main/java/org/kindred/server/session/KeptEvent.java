package org.kindred.server.session;

import org.kindred.protocol.ServerMessage;

/**
 * An event a detached session kept for its resume (a notice, a presence change, a reaction …;
 * never a message, which the room's history holds), as recorded for a resume on another node:
 * {@code event} came after the messages of {@code room} up to {@code seq} {@code after};
 * {@code room} is null for an event of no room (it then follows what was kept before it).
 *
 * @param room  the event's room, or null
 * @param after the {@code seq} of the last message of {@code room} the session had when it came (0: none)
 * @param event the event as it would have been delivered (a notice's text still a sentence token)
 */
public record KeptEvent(String room, long after, ServerMessage event) {
}
