package org.kindred.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Locale;

/**
 * The follow-up check-in a member asks for, by consent (PROTOCOL.md 1.1, "Follow-up check-in"):
 * {@code checkin} plans one, {@code checkin.cancel} withdraws it, {@code checkin.answer} answers
 * the question the server asked when the time came. Any member session may use them. The compact
 * constructors throw {@link ProtocolException} ({@code bad_request}) with a sentence naming the
 * field for anything out of shape.
 */
public sealed interface CheckInRequest extends ClientMessage
        permits CheckInRequest.Plan, CheckInRequest.Cancel, CheckInRequest.Answer {

    /** Fewest minutes a check-in may be planned ahead. */
    int MIN_MINUTES = 15;
    /** Most minutes a check-in may be planned ahead (one day). */
    int MAX_MINUTES = 1440;

    /**
     * {@code checkin}: ask the server to check in with this member in {@code minutes}
     * ({@value #MIN_MINUTES} to {@value #MAX_MINUTES}, a whole number). Replied {@code ok} with
     * {@code checkin} (the id).
     */
    @JsonTypeName("checkin")
    record Plan(String id, Integer minutes) implements CheckInRequest {
        public Plan {
            Fields.required(minutes, "minutes");
            if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "The field 'minutes' must be a whole number from "
                        + MIN_MINUTES + " to " + MAX_MINUTES + ".");
            }
        }
    }

    /** {@code checkin.cancel}: withdraw the check-in {@code checkin} (planned, or asked and not answered). */
    @JsonTypeName("checkin.cancel")
    record Cancel(String id, String checkin) implements CheckInRequest {
        public Cancel {
            Fields.identifier(checkin, "checkin");
        }
    }

    /**
     * {@code checkin.answer}: how the member is doing, {@code answer} one of {@code better},
     * {@code same}, {@code worse} (see {@link CheckInAnswer}).
     */
    @JsonTypeName("checkin.answer")
    record Answer(String id, String checkin, String answer) implements CheckInRequest {
        public Answer {
            Fields.identifier(checkin, "checkin");
            Fields.required(answer, "answer");
            CheckInAnswer.parse(answer);
        }

        /** The answer as a value. */
        @JsonIgnore
        public CheckInAnswer choice() {
            return CheckInAnswer.parse(answer);
        }
    }

    /** The answers a member may give to a check-in. */
    enum CheckInAnswer {
        BETTER, SAME, WORSE;

        /** The wire form, e.g. {@code "better"}. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * The answer of its wire form.
         *
         * @throws ProtocolException {@code bad_request} for anything but {@code better}, {@code same}, {@code worse}
         */
        public static CheckInAnswer parse(String wire) {
            for (CheckInAnswer a : values()) {
                if (a.wire().equals(wire)) {
                    return a;
                }
            }
            throw new ProtocolException(ErrorCode.BAD_REQUEST,
                    "The field 'answer' must be one of better, same or worse.");
        }
    }
}
