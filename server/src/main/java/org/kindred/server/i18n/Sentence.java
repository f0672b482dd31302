package org.kindred.server.i18n;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.ServerMessage;

/**
 * A sentence for a person before it has a language: a key of the server's catalogs
 * ({@link ServerText}, e.g. {@code notice.slow_mode.on}) and its arguments (e.g. {@code seconds →
 * "30"}). It is put into words only where it is delivered, in the language of whoever reads it, so
 * one room-wide notice can reach a Spanish and a German member each in their own language.
 *
 * <p>An argument is a string (inserted as it is, e.g. a moderator's reason) or another sentence
 * (put into the same language first, e.g. a {@linkplain #duration duration}).
 *
 * <p>Inside the server a sentence may travel in the text field of a {@code notice} or an
 * {@code error} as its {@linkplain #token() token}, so it crosses the broker (in memory or over the
 * network) unchanged; {@link ServerText#localize(ServerMessage, String)} turns a token back into
 * words at delivery, and no token ever reaches a client. Immutable and thread-safe.
 *
 * @param key  a key of {@code i18n/en.json}
 * @param args the arguments by placeholder name: {@link String} or {@link Sentence} values
 */
public record Sentence(String key, Map<String, Object> args) {
    /** Starts every token: a character no sentence of the catalogs and no validated text holds. */
    private static final char MARK = '\u0000';
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @throws IllegalArgumentException when {@code key} is not in the English catalog, or an
     *     argument is neither a string nor a sentence (programming errors)
     */
    public Sentence {
        Objects.requireNonNull(key, "key");
        if (!ServerText.get().keys("en").contains(key)) {
            throw new IllegalArgumentException("unknown sentence key: " + key + " (expected: a key of i18n/en.json)");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : args.entrySet()) {
            Object v = Objects.requireNonNull(e.getValue(), e.getKey());
            if (!(v instanceof String || v instanceof Sentence)) {
                throw new IllegalArgumentException("argument " + e.getKey() + " (expected: a String or a Sentence)");
            }
            copy.put(e.getKey(), v);
        }
        args = Collections.unmodifiableMap(copy);
    }

    /** The sentence of {@code key}, without arguments. */
    public static Sentence of(String key) {
        return new Sentence(key, Map.of());
    }

    /** The sentence of {@code key} with one argument ({@code value}: a String, a Sentence or a number). */
    public static Sentence of(String key, String name, Object value) {
        return of(key).with(name, value);
    }

    /** This sentence with one more argument ({@code value}: a String, a Sentence or a number). */
    public Sentence with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(args);
        more.put(name, value instanceof Number ? value.toString() : value);
        return new Sentence(key, more);
    }

    /**
     * A length of time in words ({@code 10 minutes}, {@code 1 hour}): whole hours when it divides
     * evenly, else whole minutes, else seconds.
     *
     * @param seconds at least 1
     */
    public static Sentence duration(long seconds) {
        if (seconds % 3600 == 0) {
            return count("duration.hours", seconds / 3600);
        }
        if (seconds % 60 == 0) {
            return count("duration.minutes", seconds / 60);
        }
        return count("duration.seconds", seconds);
    }

    private static Sentence count(String key, long n) {
        return of(key + (n == 1 ? ".one" : ".other"), "n", n);
    }

    /** The sentence in the language of {@code locale} (a BCP 47 tag or null; English for others). */
    public String text(String locale) {
        if (args.isEmpty()) {
            return ServerText.get().text(key, locale);
        }
        Map<String, String> words = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : args.entrySet()) {
            words.put(e.getKey(), e.getValue() instanceof Sentence s ? s.text(locale) : (String) e.getValue());
        }
        return ServerText.get().text(key, locale, words);
    }

    /** The sentence in English (logs, tests, and readers without a language). */
    public String english() {
        return text("en");
    }

    /** A {@code notice} for {@code room} (may be null) whose text is this sentence, put into words at delivery. */
    public ServerMessage.Notice notice(String room, String code) {
        return new ServerMessage.Notice(room, code, token());
    }

    /** An {@code error} reply whose message is this sentence, put into words at delivery. */
    public ServerMessage.Error error(String id, ErrorCode code) {
        return ServerMessage.Error.of(id, code, token());
    }

    /**
     * An {@code error} reply whose message is this sentence, put into words at delivery.
     *
     * @param retryAfterMs how long until trying again makes sense, ms, or null
     */
    public ServerMessage.Error error(String id, ErrorCode code, Long retryAfterMs) {
        return new ServerMessage.Error(id, code, token(), retryAfterMs);
    }

    /**
     * This sentence as one string that stands for it inside the server (a marker character and the
     * key and arguments as JSON); {@link #fromToken} reads it back. Never meant for a reader.
     */
    public String token() {
        return MARK + tree().toString();
    }

    /** Whether {@code text} is a {@linkplain #token() token} rather than words. */
    public static boolean isToken(String text) {
        return text != null && !text.isEmpty() && text.charAt(0) == MARK;
    }

    /**
     * The sentence a {@linkplain #token() token} stands for.
     *
     * @return null when {@code text} is not a token or does not name a known sentence
     */
    public static Sentence fromToken(String text) {
        if (!isToken(text)) {
            return null;
        }
        try {
            return read(JSON.readTree(text.substring(1)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }

    private ObjectNode tree() {
        ObjectNode n = JSON.createObjectNode();
        n.put("k", key);
        if (!args.isEmpty()) {
            ObjectNode a = n.putObject("a");
            for (Map.Entry<String, Object> e : args.entrySet()) {
                if (e.getValue() instanceof Sentence s) {
                    a.set(e.getKey(), s.tree());
                } else {
                    a.put(e.getKey(), (String) e.getValue());
                }
            }
        }
        return n;
    }

    private static Sentence read(JsonNode n) {
        if (n == null || !n.path("k").isTextual()) {
            throw new IllegalArgumentException("not a sentence");
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("a").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            args.put(e.getKey(), e.getValue().isObject() ? read(e.getValue()) : e.getValue().asText());
        }
        return new Sentence(n.path("k").asText(), args);
    }

    @Override
    public String toString() { // arguments may hold what a moderator typed: keys only
        return "Sentence[" + key + ", args=" + args.keySet() + "]";
    }
}
