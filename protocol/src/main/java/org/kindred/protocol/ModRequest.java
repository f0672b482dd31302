package org.kindred.protocol;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/** Moderator requests ({@code mod.*}); members get {@code forbidden}. */
public sealed interface ModRequest extends ClientMessage permits ModRequest.Watch, ModRequest.Delete,
        ModRequest.Mute, ModRequest.Unmute, ModRequest.Kick, ModRequest.Ban, ModRequest.Unban, ModRequest.Slow,
        ModRequest.Lock, ModRequest.Approve, ModRequest.Reject, ModRequest.Claim, ModRequest.Resolve,
        ModRequest.Queue {

    /** Room name meaning "every room" in {@code mod.watch}. */
    String ALL_ROOMS = "*";

    @JsonTypeName("mod.watch")
    record Watch(String id, List<String> rooms) implements ModRequest {
        public Watch {
            rooms = Fields.identifiers(rooms, "rooms", ALL_ROOMS);
        }
    }

    @JsonTypeName("mod.delete")
    record Delete(String id, String room, String msg, String reason) implements ModRequest {
        public Delete {
            Fields.identifier(room, "room");
            Fields.identifier(msg, "msg");
        }
    }

    @JsonTypeName("mod.mute")
    record Mute(String id, String room, String member, Long seconds, String reason) implements ModRequest {
        public Mute {
            Fields.identifier(room, "room");
            Fields.identifier(member, "member");
            Fields.seconds(seconds, "seconds");
        }
    }

    @JsonTypeName("mod.unmute")
    record Unmute(String id, String room, String member) implements ModRequest {
        public Unmute {
            Fields.identifier(room, "room");
            Fields.identifier(member, "member");
        }
    }

    @JsonTypeName("mod.kick")
    record Kick(String id, String room, String member, String reason, Long seconds) implements ModRequest {
        public Kick {
            Fields.identifier(room, "room");
            Fields.identifier(member, "member");
            Fields.optionalSeconds(seconds, "seconds");
        }
    }

    @JsonTypeName("mod.ban")
    record Ban(String id, String member, Long seconds, String reason) implements ModRequest {
        public Ban {
            Fields.identifier(member, "member");
            Fields.optionalSeconds(seconds, "seconds");
            Fields.required(reason, "reason");
        }
    }

    @JsonTypeName("mod.unban")
    record Unban(String id, String ban) implements ModRequest {
        public Unban {
            Fields.identifier(ban, "ban");
        }
    }

    @JsonTypeName("mod.slow")
    record Slow(String id, String room, Long seconds) implements ModRequest {
        public Slow {
            Fields.identifier(room, "room");
            Fields.seconds(seconds, "seconds");
        }
    }

    @JsonTypeName("mod.lock")
    record Lock(String id, String room, Boolean locked) implements ModRequest {
        public Lock {
            Fields.identifier(room, "room");
            Fields.required(locked, "locked");
        }
    }

    @JsonTypeName("mod.approve")
    record Approve(String id, String room, String msg, String reason) implements ModRequest {
        public Approve {
            Fields.identifier(room, "room");
            Fields.identifier(msg, "msg");
        }
    }

    @JsonTypeName("mod.reject")
    record Reject(String id, String room, String msg, String reason) implements ModRequest {
        public Reject {
            Fields.identifier(room, "room");
            Fields.identifier(msg, "msg");
        }
    }

    @JsonTypeName("mod.claim")
    record Claim(String id, String escalation) implements ModRequest {
        public Claim {
            Fields.identifier(escalation, "escalation");
        }
    }

    @JsonTypeName("mod.resolve")
    record Resolve(String id, String escalation, ResolveOutcome outcome, String note) implements ModRequest {
        public Resolve {
            Fields.identifier(escalation, "escalation");
            Fields.required(outcome, "outcome");
        }
    }

    @JsonTypeName("mod.queue")
    record Queue(String id) implements ModRequest {
    }
}
