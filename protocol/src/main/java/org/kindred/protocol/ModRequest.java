package org.kindred.protocol;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/** Moderator requests ({@code mod.*}); members get {@code forbidden}. */
public sealed interface ModRequest extends ClientMessage permits ModRequest.Watch, ModRequest.Delete,
        ModRequest.Mute, ModRequest.Unmute, ModRequest.Kick, ModRequest.Ban, ModRequest.Unban, ModRequest.Slow,
        ModRequest.Lock, ModRequest.Approve, ModRequest.Reject, ModRequest.Claim, ModRequest.Resolve,
        ModRequest.Queue, ModRequest.Bans, ModRequest.Dismiss, ModRequest.Reach, ModRequest.Close {

    /** Room name meaning "every room" in {@code mod.watch}. */
    String ALL_ROOMS = "*";

    /** {@code mod.watch}: receive {@code mod.*} events for {@code rooms} ({@code *}: all; at most 256). */
    @JsonTypeName("mod.watch")
    record Watch(String id, List<String> rooms) implements ModRequest {
        public Watch {
            rooms = Fields.identifiers(rooms, "rooms", ALL_ROOMS);
        }
    }

    /** {@code mod.delete}: remove message {@code msg} from {@code room}; members get {@code deleted}. */
    @JsonTypeName("mod.delete")
    record Delete(String id, String room, String msg, String reason) implements ModRequest {
        public Delete {
            Fields.identifier(room, "room");
            Fields.identifier(msg, "msg");
        }
    }

    /** {@code mod.mute}: stop {@code member} posting in {@code room} for {@code seconds} (0 to 100 years). */
    @JsonTypeName("mod.mute")
    record Mute(String id, String room, String member, Long seconds, String reason) implements ModRequest {
        public Mute {
            Fields.identifier(room, "room");
            Fields.identifier(member, "member");
            Fields.seconds(seconds, "seconds");
        }
    }

    /** {@code mod.unmute}: lift a mute of {@code member} in {@code room}. */
    @JsonTypeName("mod.unmute")
    record Unmute(String id, String room, String member) implements ModRequest {
        public Unmute {
            Fields.identifier(room, "room");
            Fields.identifier(member, "member");
        }
    }

    /** {@code mod.kick}: remove {@code member} from {@code room}; optional cool-off {@code seconds} (default 60). */
    @JsonTypeName("mod.kick")
    record Kick(String id, String room, String member, String reason, Long seconds) implements ModRequest {
        public Kick {
            Fields.identifier(room, "room");
            Fields.identifier(member, "member");
            Fields.optionalSeconds(seconds, "seconds");
        }
    }

    /** {@code mod.ban}: ban {@code member} and its network fingerprint; {@code seconds} absent or 0 means permanent. */
    @JsonTypeName("mod.ban")
    record Ban(String id, String member, Long seconds, String reason) implements ModRequest {
        public Ban {
            Fields.identifier(member, "member");
            Fields.optionalSeconds(seconds, "seconds");
            Fields.required(reason, "reason");
        }
    }

    /** {@code mod.unban}: lift the ban with id {@code ban}. */
    @JsonTypeName("mod.unban")
    record Unban(String id, String ban) implements ModRequest {
        public Unban {
            Fields.identifier(ban, "ban");
        }
    }

    /** {@code mod.slow}: one message per member per {@code seconds} in {@code room}; 0 turns it off. */
    @JsonTypeName("mod.slow")
    record Slow(String id, String room, Long seconds) implements ModRequest {
        public Slow {
            Fields.identifier(room, "room");
            Fields.seconds(seconds, "seconds");
        }
    }

    /** {@code mod.lock}: lock ({@code true}) or unlock {@code room}. */
    @JsonTypeName("mod.lock")
    record Lock(String id, String room, Boolean locked) implements ModRequest {
        public Lock {
            Fields.identifier(room, "room");
            Fields.required(locked, "locked");
        }
    }

    /** {@code mod.approve}: deliver the held message {@code msg} of {@code room}. */
    @JsonTypeName("mod.approve")
    record Approve(String id, String room, String msg, String reason) implements ModRequest {
        public Approve {
            Fields.identifier(room, "room");
            Fields.identifier(msg, "msg");
        }
    }

    /** {@code mod.reject}: drop the held message {@code msg} of {@code room}. */
    @JsonTypeName("mod.reject")
    record Reject(String id, String room, String msg, String reason) implements ModRequest {
        public Reject {
            Fields.identifier(room, "room");
            Fields.identifier(msg, "msg");
        }
    }

    /** {@code mod.claim}: take the escalation {@code escalation}. */
    @JsonTypeName("mod.claim")
    record Claim(String id, String escalation) implements ModRequest {
        public Claim {
            Fields.identifier(escalation, "escalation");
        }
    }

    /** {@code mod.resolve}: close the escalation {@code escalation} with an {@code outcome}. */
    @JsonTypeName("mod.resolve")
    record Resolve(String id, String escalation, ResolveOutcome outcome, String note) implements ModRequest {
        public Resolve {
            Fields.identifier(escalation, "escalation");
            Fields.required(outcome, "outcome");
        }
    }

    /** {@code mod.queue}: list held messages, open reports and unresolved escalations. */
    @JsonTypeName("mod.queue")
    record Queue(String id) implements ModRequest {
    }

    /** {@code mod.bans} (1.1): list the bans in force; reply {@code bans}. */
    @JsonTypeName("mod.bans")
    record Bans(String id) implements ModRequest {
    }

    /**
     * {@code mod.dismiss} (1.1): close the open report {@code report} without acting on it; an
     * optional {@code note} says why. The report leaves every moderator's queue.
     */
    @JsonTypeName("mod.dismiss")
    record Dismiss(String id, String report, String note) implements ModRequest {
        public Dismiss {
            Fields.identifier(report, "report");
        }
    }

    /**
     * {@code mod.reach} (1.1): open a private conversation with one member, named either by an
     * {@code escalation} of theirs or by their {@code member} id; exactly one of the two is
     * given, else {@code bad_request}. Roles supporter, moderator and admin.
     */
    @JsonTypeName("mod.reach")
    record Reach(String id, String escalation, String member) implements ModRequest {
        public Reach {
            Fields.optionalIdentifier(escalation, "escalation");
            Fields.optionalIdentifier(member, "member");
            if ((escalation == null) == (member == null)) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST,
                        "Give either 'escalation' or 'member' (one of them) to reach a person.");
            }
        }
    }

    /** {@code mod.close} (1.1): end the private conversation {@code room}; both sides get {@code notice closed}. */
    @JsonTypeName("mod.close")
    record Close(String id, String room) implements ModRequest {
        public Close {
            Fields.identifier(room, "room");
        }
    }
}
