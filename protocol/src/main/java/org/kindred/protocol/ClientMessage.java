package org.kindred.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A request from a client. Every request may carry an {@code id} (at most 64 characters) that
 * its reply echoes. Identifier fields ({@code room}, {@code msg}, {@code member}, {@code ban},
 * {@code escalation}) are 1 to 64 characters of {@code A-Z a-z 0-9 _ - . :}; the compact
 * constructors throw {@link ProtocolException} ({@code bad_request}) for any other shape.
 * The {@code type} on the wire is the {@link com.fasterxml.jackson.annotation.JsonTypeName}
 * of each record.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(ClientMessage.Hello.class),
    @JsonSubTypes.Type(ClientMessage.ListRooms.class),
    @JsonSubTypes.Type(ClientMessage.Join.class),
    @JsonSubTypes.Type(ClientMessage.Leave.class),
    @JsonSubTypes.Type(ClientMessage.Send.class),
    @JsonSubTypes.Type(ClientMessage.Typing.class),
    @JsonSubTypes.Type(ClientMessage.Report.class),
    @JsonSubTypes.Type(ClientMessage.Help.class),
    @JsonSubTypes.Type(ModRequest.Watch.class),
    @JsonSubTypes.Type(ModRequest.Delete.class),
    @JsonSubTypes.Type(ModRequest.Mute.class),
    @JsonSubTypes.Type(ModRequest.Unmute.class),
    @JsonSubTypes.Type(ModRequest.Kick.class),
    @JsonSubTypes.Type(ModRequest.Ban.class),
    @JsonSubTypes.Type(ModRequest.Unban.class),
    @JsonSubTypes.Type(ModRequest.Slow.class),
    @JsonSubTypes.Type(ModRequest.Lock.class),
    @JsonSubTypes.Type(ModRequest.Approve.class),
    @JsonSubTypes.Type(ModRequest.Reject.class),
    @JsonSubTypes.Type(ModRequest.Claim.class),
    @JsonSubTypes.Type(ModRequest.Resolve.class),
    @JsonSubTypes.Type(ModRequest.Queue.class),
    @JsonSubTypes.Type(CheckInRequest.Plan.class),
    @JsonSubTypes.Type(CheckInRequest.Cancel.class),
    @JsonSubTypes.Type(CheckInRequest.Answer.class),
    @JsonSubTypes.Type(ModRequest.Bans.class),
    @JsonSubTypes.Type(ModRequest.Dismiss.class),
    @JsonSubTypes.Type(ModRequest.Reach.class),
    @JsonSubTypes.Type(ModRequest.Close.class),
    @JsonSubTypes.Type(ClientMessage.React.class),
})
public sealed interface ClientMessage permits ClientMessage.Hello, ClientMessage.ListRooms, ClientMessage.Join,
        ClientMessage.Leave, ClientMessage.Send, ClientMessage.Typing, ClientMessage.Report, ClientMessage.Help,
        ClientMessage.React, ModRequest, CheckInRequest {

    /** Maximum length of a request {@code id}. */
    int MAX_ID_LENGTH = 64;

    /** The request id to echo, or null. */
    String id();

    /** {@code hello}: the first request on every connection. */
    @com.fasterxml.jackson.annotation.JsonTypeName("hello")
    record Hello(String id, Integer v, String locale, String region, String resume, String auth)
            implements ClientMessage {
        public Hello {
            Fields.required(v, "v");
        }
    }

    /** {@code rooms}: list the rooms. */
    @com.fasterxml.jackson.annotation.JsonTypeName("rooms")
    record ListRooms(String id) implements ClientMessage {
    }

    /** {@code join}: enter a room, optionally with a nickname. */
    @com.fasterxml.jackson.annotation.JsonTypeName("join")
    record Join(String id, String room, String nick) implements ClientMessage {
        public Join {
            Fields.identifier(room, "room");
        }
    }

    /** {@code leave}: leave a room. */
    @com.fasterxml.jackson.annotation.JsonTypeName("leave")
    record Leave(String id, String room) implements ClientMessage {
        public Leave {
            Fields.identifier(room, "room");
        }
    }

    /** {@code send}: post a message to a room. */
    @com.fasterxml.jackson.annotation.JsonTypeName("send")
    record Send(String id, String room, String text) implements ClientMessage {
        public Send {
            Fields.identifier(room, "room");
            Fields.required(text, "text");
        }
    }

    /** {@code typing}: the member is typing; answered only when it fails. */
    @com.fasterxml.jackson.annotation.JsonTypeName("typing")
    record Typing(String id, String room) implements ClientMessage {
        public Typing {
            Fields.identifier(room, "room");
        }
    }

    /** {@code report}: report a message to the moderators. */
    @com.fasterxml.jackson.annotation.JsonTypeName("report")
    record Report(String id, String room, String msg, ReportReason reason, String note) implements ClientMessage {
        public Report {
            Fields.identifier(room, "room");
            Fields.identifier(msg, "msg");
            Fields.required(reason, "reason");
        }
    }

    /**
     * {@code help}: the member asks for help now. A {@code room} that is not a well-formed
     * identifier is dropped (null), never refused: a person asking for help always gets the
     * crisis lines, and the junk is never stored or shown.
     */
    @com.fasterxml.jackson.annotation.JsonTypeName("help")
    record Help(String id, String room) implements ClientMessage {
        public Help {
            room = room == null || Fields.isIdentifier(room) ? room : null;
        }
    }

    /**
     * {@code react} (1.1): give ({@code remove} absent or false) or take back ({@code remove}
     * true) one supportive reaction to the message {@code msg} of {@code room}. {@code reaction}
     * is one of {@code heart}, {@code hug}, {@code strength}, {@code same} (see {@link ReactionKind});
     * anything else, or a missing field, is {@code bad_request}. It carries no text. Replied
     * {@code ok}.
     */
    @com.fasterxml.jackson.annotation.JsonTypeName("react")
    record React(String id, String room, String msg, String reaction, Boolean remove) implements ClientMessage {
        public React {
            Fields.identifier(room, "room");
            Fields.identifier(msg, "msg");
            Fields.required(reaction, "reaction");
            ReactionKind.parse(reaction);
        }

        /** The reaction as a value. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public ReactionKind kind() {
            return ReactionKind.parse(reaction);
        }

        /** True when the member takes the reaction back. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean removing() {
            return Boolean.TRUE.equals(remove);
        }
    }
}
