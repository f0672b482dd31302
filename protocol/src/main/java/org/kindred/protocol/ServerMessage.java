package org.kindred.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/**
 * Everything the server sends. Replies echo the request's {@code id}; events never carry one.
 * Null fields are not written.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(ServerMessage.Welcome.class),
    @JsonSubTypes.Type(ServerMessage.Rooms.class),
    @JsonSubTypes.Type(ServerMessage.Joined.class),
    @JsonSubTypes.Type(ServerMessage.Ok.class),
    @JsonSubTypes.Type(ServerMessage.Sent.class),
    @JsonSubTypes.Type(ServerMessage.Error.class),
    @JsonSubTypes.Type(ServerMessage.Crisis.class),
    @JsonSubTypes.Type(ServerMessage.Queue.class),
    @JsonSubTypes.Type(ServerMessage.Bans.class),
    @JsonSubTypes.Type(ServerMessage.Message.class),
    @JsonSubTypes.Type(ServerMessage.Presence.class),
    @JsonSubTypes.Type(ServerMessage.Typing.class),
    @JsonSubTypes.Type(ServerMessage.Deleted.class),
    @JsonSubTypes.Type(ServerMessage.Notice.class),
    @JsonSubTypes.Type(ServerMessage.Kicked.class),
    @JsonSubTypes.Type(ServerMessage.CheckIn.class),
    @JsonSubTypes.Type(ServerMessage.Invite.class),
    @JsonSubTypes.Type(ServerMessage.Reaction.class),
    @JsonSubTypes.Type(ModEvent.Alert.class),
    @JsonSubTypes.Type(ModEvent.Held.class),
    @JsonSubTypes.Type(ModEvent.ReportFiled.class),
    @JsonSubTypes.Type(ModEvent.Escalation.class),
    @JsonSubTypes.Type(ModEvent.RoomState.class),
})
public sealed interface ServerMessage permits ServerMessage.Welcome, ServerMessage.Rooms, ServerMessage.Joined,
        ServerMessage.Ok, ServerMessage.Sent, ServerMessage.Error, ServerMessage.Crisis, ServerMessage.Queue,
        ServerMessage.Bans,
        ServerMessage.Message, ServerMessage.Presence, ServerMessage.Typing, ServerMessage.Deleted,
        ServerMessage.Notice, ServerMessage.Kicked, ServerMessage.CheckIn, ServerMessage.Invite, ServerMessage.Reaction, ModEvent {

    /** Protocol version spoken by this implementation. */
    int VERSION = 1;

    /**
     * {@code welcome}; {@code features} (1.1) lists the additions this server supports (e.g.
     * {@code checkin}, {@code reach}); empty when none (a 1.0 server omits it). {@code recovered}
     * (1.1) only after a {@code resume} on another node of a cluster: true when every message
     * missed while away follows, in order and without a gap; false when some could not be
     * (the client should join its rooms again); absent otherwise.
     */
    @JsonTypeName("welcome")
    record Welcome(String id, int v, String session, MemberInfo member, Limits limits, List<String> features,
            Boolean recovered) implements ServerMessage {
        public Welcome {
            features = Fields.list(features);
        }

        /** A 1.0 welcome, without {@code features}. */
        public Welcome(String id, int v, String session, MemberInfo member, Limits limits) {
            this(id, v, session, member, limits, null, null);
        }

        /** A welcome without {@code recovered} (a new session, or one resumed on the node that held it). */
        public Welcome(String id, int v, String session, MemberInfo member, Limits limits, List<String> features) {
            this(id, v, session, member, limits, features, null);
        }
    }

    @JsonTypeName("rooms")
    record Rooms(String id, List<RoomSummary> rooms) implements ServerMessage {
        public Rooms {
            rooms = Fields.list(rooms);
        }
    }

    @JsonTypeName("joined")
    record Joined(String id, String room, MemberInfo you, List<MemberInfo> members, List<Message> history,
            String guidelines, RoomMode mode) implements ServerMessage {
        public Joined {
            members = Fields.list(members);
            history = Fields.list(history);
        }
    }

    /**
     * Success of a request without a richer reply; carries the created id where there is one
     * ({@code report}, {@code ban}, {@code checkin}, or {@code room}: the private room
     * {@code mod.reach} opened).
     */
    @JsonTypeName("ok")
    record Ok(String id, String report, String ban, String checkin, String room) implements ServerMessage {
        /** Without a check-in or room id. */
        public Ok(String id, String report, String ban) {
            this(id, report, ban, null, null);
        }

        public static Ok of(String id) {
            return new Ok(id, null, null, null, null);
        }

        /** The reply to {@code checkin}: the id of the planned check-in. */
        public static Ok checkin(String id, String checkin) {
            return new Ok(id, null, null, checkin, null);
        }

        /** The reply to {@code mod.reach}: the new private room's id. */
        public static Ok room(String id, String room) {
            return new Ok(id, null, null, null, room);
        }
    }

    @JsonTypeName("sent")
    record Sent(String id, String room, String msg, SendStatus status, String text) implements ServerMessage {
    }

    @JsonTypeName("error")
    record Error(String id, ErrorCode code, String message, Long retryAfterMs) implements ServerMessage {
        public Error {
            Fields.required(code, "code");
            Fields.requiredText(message, "message");
        }

        public static Error of(String id, ErrorCode code, String message) {
            return new Error(id, code, message, null);
        }
    }

    @JsonTypeName("crisis")
    record Crisis(String id, RiskLevel level, String text, List<CrisisResource> resources, String escalation)
            implements ServerMessage {
        public Crisis {
            resources = Fields.list(resources);
        }
    }

    /** Reply to {@code mod.queue}; {@code alerts} (1.1) are the recent blocked-message alerts, oldest first. */
    @JsonTypeName("queue")
    record Queue(String id, List<ModEvent.Held> held, List<ModEvent.ReportFiled> reports,
            List<ModEvent.Escalation> escalations, List<ModEvent.Alert> alerts) implements ServerMessage {
        public Queue {
            held = Fields.list(held);
            reports = Fields.list(reports);
            escalations = Fields.list(escalations);
            alerts = Fields.list(alerts);
        }
    }

    /** Reply to {@code mod.bans} (1.1): the bans in force, newest first. */
    @JsonTypeName("bans")
    record Bans(String id, List<BanInfo> bans) implements ServerMessage {
        public Bans {
            bans = Fields.list(bans);
        }
    }

    /**
     * One ban in force: {@code member} the banned member id (absent for a ban of a network only),
     * {@code nick} the last nickname the server knows for it (absent when none), {@code until}
     * epoch ms (absent: permanent), {@code by} the moderator, {@code ts} when it was made.
     */
    record BanInfo(String ban, String member, String nick, String reason, Long until, String by, long ts) {
        public BanInfo {
            Fields.requiredText(ban, "ban");
        }
    }

    /**
     * A chat message delivered to every member of the room, the sender included. In a
     * {@code joined} reply's {@code history} it also carries {@code reactions} (1.1), the counts
     * of the supportive reactions it has had so far ({@code {}} when none); a live
     * {@code message} event has none (null, not written).
     */
    @JsonTypeName("message")
    record Message(String room, String msg, long seq, MemberInfo from, String text, long ts,
            ReactionCounts reactions) implements ServerMessage {

        /** A message as it is delivered live, without {@code reactions}. */
        public Message(String room, String msg, long seq, MemberInfo from, String text, long ts) {
            this(room, msg, seq, from, text, ts, null);
        }

        /** This message with {@code counts} as its {@code reactions} (null: none written). */
        public Message withReactions(ReactionCounts counts) {
            return new Message(room, msg, seq, from, text, ts, counts);
        }
    }

    /**
     * {@code reaction} (1.1), to every member of the room: {@code member} ({@code id} and
     * {@code nick}) gave, or took back ({@code removed} true), the supportive reaction
     * {@code reaction} to message {@code msg}, which now has {@code count} of that reaction.
     * {@code removed} is true or absent (a {@code false} is normalised to absent).
     */
    @JsonTypeName("reaction")
    record Reaction(String room, String msg, ReactionKind reaction, int count, MemberInfo member, Boolean removed)
            implements ServerMessage {
        public Reaction {
            Fields.requiredText(room, "room");
            Fields.requiredText(msg, "msg");
            Fields.required(reaction, "reaction");
            if (count < 0) {
                throw new IllegalArgumentException("count: " + count + " (expected: >= 0)");
            }
            removed = Boolean.TRUE.equals(removed) ? Boolean.TRUE : null;
        }
    }

    @JsonTypeName("presence")
    record Presence(String room, PresenceEvent event, MemberInfo member, int count) implements ServerMessage {
    }

    @JsonTypeName("typing")
    record Typing(String room, MemberInfo member) implements ServerMessage {
    }

    @JsonTypeName("deleted")
    record Deleted(String room, String msg) implements ServerMessage {
    }

    @JsonTypeName("notice")
    record Notice(String room, String code, String text) implements ServerMessage {
    }

    @JsonTypeName("kicked")
    record Kicked(String room, String reason) implements ServerMessage {
    }

    /**
     * The check-in a member asked for, now due: {@code checkin} (its id, to answer with
     * {@code checkin.answer}) and {@code text}, a short warm question in the session's language.
     */
    @JsonTypeName("checkin")
    record CheckIn(String checkin, String text) implements ServerMessage {
        public CheckIn {
            Fields.required(checkin, "checkin");
            Fields.requiredText(text, "text");
        }
    }

    /**
     * {@code invite} (1.1): a staff member ({@code from}) asks the member into the private room
     * {@code room}; {@code escalation} is set when the reach named one; {@code text} is a calm
     * sentence for the member. Accept with {@code join}, decline with {@code leave}.
     */
    @JsonTypeName("invite")
    record Invite(String room, MemberInfo from, String escalation, String text) implements ServerMessage {
        public Invite {
            Fields.required(room, "room");
            Fields.required(from, "from");
            Fields.requiredText(text, "text");
        }
    }
}
