package org.kindred.server.it;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kindred.server.it.NaughtyCorpus.Entry;
import org.kindred.server.it.NaughtyFields.Phase;
import org.kindred.server.it.NaughtyLane.Req;
import org.slf4j.LoggerFactory;

/**
 * The {@code react} phases of {@link NaughtyStringsTest} (protocol 1.1): every naughty value as
 * {@code room}, {@code msg}, {@code reaction} and {@code remove} of a {@code react} request from a
 * member of the room, against a real message. Besides the shared corpus, the reaction field gets
 * look-alikes of the four words (Cyrillic letters, upper case, a trailing space, a zero-width
 * joiner, full-width letters) and {@code remove} gets every JSON type (null, booleans, numbers,
 * arrays, nested objects). PROTOCOL.md allows back only {@code ok} for the exact words and a JSON
 * boolean (or null/absent) {@code remove}, else {@code bad_request} (shape), {@code not_found}
 * (room or message) — never a closed connection. A witness in the room checks that the only
 * events were {@code reaction}s to the real message with one of the four words, and no log line
 * written while the phases ran holds any of the values sent.
 */
final class NaughtyReactions {
    /** Where the phases react; no other phase posts there. */
    static final String ROOM = "recovery";
    static final Set<String> KINDS = Set.of("heart", "hug", "strength", "same");
    /** Raw JSON values the protocol accepts for {@code remove}: a boolean, or null (= absent). */
    static final Set<String> REMOVE_OK = Set.of("true", "false", "null");

    private NaughtyReactions() {
    }

    /** The corpus of these phases: the shared one plus look-alikes of the kinds and every JSON type. */
    static List<Entry> corpus(List<Entry> shared) {
        List<Entry> out = new ArrayList<>(shared);
        String[][] strings = {
            {"h\u0435art", "Cyrillic e in heart"}, {"\u0440\u0435\u0430rt", "Cyrillic look-alikes"},
            {"HEART", "upper case"}, {"Heart", "title case"}, {"heart ", "trailing space"},
            {" hug", "leading space"}, {"hug\u200D", "zero-width joiner"}, {"true", "the string true"}, {" ", "a blank"},
            {"\u0000", "NUL alone"}, {"\uFF48\uFF55\uFF47", "full-width hug"},
            {"stren\u0261th", "Latin script g"}, {"s\u0430me", "Cyrillic a in same"}, {"heart\u0000", "NUL after"},
            {"hearts", "plural"}, {"heart,hug", "two at once"}, {"", "empty"}, {"sam\u0435", "Cyrillic e in same"},
            {"HUG", "upper case hug"}, {"same\n", "newline after"}, {"\u0127eart", "h with stroke"},
            {"heart", "the real word"}, {"hug", "the real word"}, {"strength", "the real word"}, {"same", "the real word"},
        };
        for (String[] s : strings) {
            out.add(new Entry("react-" + out.size(), s[0], null, s[1]));
        }
        String[][] raws = {
            {"null", "null"}, {"false", "false"}, {"true", "true"}, {"0", "zero"}, {"1", "one"}, {"-1", "minus one"},
            {"1.5", "float"}, {"[true]", "array of a boolean"}, {"{\"remove\":true}", "object"},
            {"{\"a\":{\"b\":{\"c\":[null,{}]}}}", "nested object"}, {"[[[[[[[[]]]]]]]]", "nested arrays"},
            {"9223372036854775808", "past Long"},
        };
        for (String[] r : raws) {
            out.add(new Entry("react-" + out.size(), null, r[0], r[1]));
        }
        return out;
    }

    /** A member on a fresh lane who posts the message the phases react to; returns its id. */
    static String post(NaughtyFields fields) throws Exception {
        NaughtyLane lane = fields.lane(true, ROOM, "Sharer");
        JsonNode sent = NaughtyFields.call(lane, "{\"type\":\"send\",\"id\":\"p\",\"room\":\"" + ROOM
                + "\",\"text\":\"Day ten without a drink, and I am proud of it\"}", "p", "sent");
        return sent.path("msg").asText();
    }

    /** The four phases, in order: room, msg, reaction, remove. */
    static List<Phase> phases(NaughtyFields fields, String msg) {
        Phase room = new Phase("react-room", () -> fields.lane(true, ROOM, "Rooms"),
                (e, id) -> NaughtyFields.frame("react", id, "room", e, "msg", msg, "reaction", "hug"),
                r -> r.entry.raw() ? NaughtyChecks.mistyped(r)
                        : NaughtyChecks.oneOf(r, null, "not_found", "not_in_room", "bad_request"));
        Phase message = new Phase("react-msg", () -> fields.lane(true, ROOM, "Msgs"),
                (e, id) -> NaughtyFields.frame("react", id, "msg", e, "room", ROOM, "reaction", "hug"),
                r -> r.entry.raw() ? NaughtyChecks.mistyped(r) : NaughtyChecks.oneOf(r, null, "not_found", "bad_request"));
        Phase kind = new Phase("react-kind", () -> fields.lane(true, ROOM, "Kinds"),
                (e, id) -> NaughtyFields.frame("react", id, "reaction", e, "room", ROOM, "msg", msg),
                r -> !r.entry.raw() && KINDS.contains(r.entry.value()) ? NaughtyChecks.oneOf(r, "ok")
                        : NaughtyChecks.oneOf(r, null, "bad_request"));
        Phase remove = new Phase("react-remove", () -> fields.lane(true, ROOM, "Removers"),
                (e, id) -> NaughtyFields.frame("react", id, "remove", e, "room", ROOM, "msg", msg, "reaction", "same"),
                r -> r.entry.raw() && REMOVE_OK.contains(r.entry.rawJson()) ? NaughtyChecks.oneOf(r, "ok")
                        : NaughtyChecks.oneOf(r, null, "bad_request"));
        return List.of(room, message, kind, remove);
    }

    /** The witness saw only reactions to {@code msg} with one of the four words, and nothing else odd. */
    static void checkWitness(WsClient witness, String msg, Map<String, String> problems) throws Exception {
        JsonNode alive = witness.request(Map.of("type", "rooms", "id", "rw-alive"));
        while (witness.poll(300) != null) {
            // late fan-out, if any
        }
        List<String> odd = new ArrayList<>();
        for (JsonNode m : witness.seen()) {
            String type = m.path("type").asText();
            if (m.has("id") || type.equals("presence") || type.equals("message")) {
                continue;
            }
            boolean fine = type.equals("reaction") && ROOM.equals(m.path("room").asText())
                    && msg.equals(m.path("msg").asText()) && KINDS.contains(m.path("reaction").asText())
                    && m.path("count").asInt(-1) >= 0 && !m.has("text");
            if (!fine) {
                odd.add(NaughtyChecks.brief(m));
            }
        }
        if (!odd.isEmpty() || !"rooms".equals(alive.path("type").asText()) || witness.isClosed()) {
            problems.put("react#witness", "the witness got something it should not: " + odd + " / " + alive);
        }
    }

    /** Captures every log line of the process while open. */
    static final class Logs implements AutoCloseable {
        private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

        Logs() {
            appender.start();
            root.addAppender(appender);
        }

        /**
         * Files a problem for each distinctive value (at least 10 characters that are not all spaces,
         * so that common words cannot match by chance) found in a log line or a logged exception.
         */
        void checkNoneOf(List<Entry> corpus, Map<String, String> problems) {
            List<String> lines = new ArrayList<>();
            synchronized (appender.list) {
                for (ILoggingEvent e : appender.list) {
                    lines.add(e.getFormattedMessage());
                    for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                        lines.add(String.valueOf(t.getMessage()));
                    }
                }
            }
            for (Entry e : corpus) {
                String v = e.raw() ? null : e.value().strip();
                if (v == null || v.length() < 10) {
                    continue;
                }
                String probe = v.length() > 40 ? v.substring(0, 40) : v;
                for (String line : lines) {
                    if (line != null && line.contains(probe)) {
                        problems.put("react-log#" + e.key(), "'" + e.shown() + "' was logged: "
                                + (line.length() > 200 ? line.substring(0, 200) : line));
                        break;
                    }
                }
            }
        }

        @Override
        public void close() {
            root.detachAppender(appender);
        }
    }
}
