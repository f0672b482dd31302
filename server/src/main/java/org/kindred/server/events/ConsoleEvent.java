package org.kindred.server.events;

import java.util.Objects;

/**
 * One event for moderators' consoles ({@code mod.*}: escalations, held messages, reports,
 * alerts), relayed from the node where it happened to the moderators watching on every other
 * node. Unlike a {@link StaffChange} it carries what a console shows (an escalation's excerpt, a
 * held message's text, nicknames): it passes through the relay in memory only and is never
 * stored or logged.
 *
 * @param room   the room it concerns, or null (only moderators watching all rooms get it)
 * @param json   the event as sent to consoles (the wire JSON of one {@code mod.*} event)
 * @param origin the {@linkplain ClusterEvents#nodeId() node id} of the node where it happened
 */
public record ConsoleEvent(String room, String json, String origin) {
    public ConsoleEvent {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(origin, "origin");
    }
}
