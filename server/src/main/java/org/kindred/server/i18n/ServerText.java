package org.kindred.server.i18n;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kindred.protocol.ServerMessage;

/**
 * The sentences the server writes for people ({@code error.message}, {@code notice.text}, the
 * hand-off's invitation) in the session's language ({@code hello.locale}): English, Spanish, German
 * or French, English for any other language and for a key a language lacks. One JSON catalog per
 * language in {@code i18n/<lang>.json} on the classpath, a flat object of key → sentence; a sentence
 * may hold named placeholders such as {@code {seconds}}. Crisis-card and check-in sentences live with
 * the crisis module ({@code crisis/responses.yaml}, {@code crisis/checkin-questions.yaml}).
 *
 * <p>Spanish and German speak to the person informally (tú, du), French with {@code vous}, as the
 * crisis module's sentences and the web client do. Immutable and thread-safe; {@link #get()} is loaded
 * once.
 */
public final class ServerText {
    /** The languages Kindred has, English first (the fallback). */
    public static final List<String> LANGUAGES = List.of("en", "es", "de", "fr");
    private static final String FALLBACK = "en";
    /** An invite's text must not be empty; a token that no longer reads (never expected) becomes this. */
    private static final String TEXT_LOST = "…";
    private static final ServerText DEFAULT = load();

    private final Map<String, Map<String, String>> catalogs;
    private volatile ProtocolSentences protocol;

    private ServerText(Map<String, Map<String, String>> catalogs) {
        this.catalogs = catalogs;
    }

    /** The catalogs shipped with the server. */
    public static ServerText get() {
        return DEFAULT;
    }

    /**
     * The language Kindred answers a locale in.
     *
     * @param locale a BCP 47 tag such as {@code es-MX}, or null
     * @return {@code en}, {@code es}, {@code de} or {@code fr}; {@code en} for null, a malformed tag or
     *     any other language
     */
    public static String language(String locale) {
        if (locale == null || locale.isBlank()) {
            return FALLBACK;
        }
        try {
            String lang = new Locale.Builder().setLanguageTag(locale.strip()).build().getLanguage();
            return LANGUAGES.contains(lang) ? lang : FALLBACK;
        } catch (IllformedLocaleException e) {
            return FALLBACK;
        }
    }

    /** The sentence of {@code key} in the language of {@code locale}, without placeholders filled. */
    public String text(String key, String locale) {
        return text(key, locale, Map.of());
    }

    /**
     * The sentence of {@code key} in the language of {@code locale} (English when that language lacks
     * it), each {@code {name}} replaced by {@code args.get(name)}; a placeholder without an argument
     * stays as written. Linear in the sentence's length; arguments are inserted as they are.
     *
     * @throws IllegalArgumentException when no catalog has {@code key} (a programming error)
     */
    public String text(String key, String locale, Map<String, ?> args) {
        String template = catalogs.get(language(locale)).get(key);
        if (template == null) {
            template = catalogs.get(FALLBACK).get(key);
        }
        if (template == null) {
            throw new IllegalArgumentException("unknown sentence key: " + key + " (expected: a key of i18n/en.json)");
        }
        return fill(template, args);
    }

    /**
     * An {@code error} reply in the language of {@code locale}: when its message is a
     * {@linkplain Sentence#token() sentence token}, that sentence in this language (English included);
     * otherwise (a sentence of the protocol module's decoder), for English (or an unknown language)
     * {@code e} itself, and for Spanish, German or French the same error with that sentence's
     * {@code protocol.*} translation, or, for a sentence the catalogs do not know, the sentence for its
     * code ({@code error.<code>}), so the person reads it in their language.
     */
    public ServerMessage.Error localize(ServerMessage.Error e, String locale) {
        Sentence s = Sentence.fromToken(e.message());
        if (s != null) {
            return new ServerMessage.Error(e.id(), e.code(), s.text(locale), e.retryAfterMs());
        }
        String lang = language(locale);
        if (FALLBACK.equals(lang)) {
            return e;
        }
        Sentence decoder = protocol().recognise(e.message());
        return new ServerMessage.Error(e.id(), e.code(),
                decoder != null ? decoder.text(lang) : text("error." + e.code().wire(), lang), e.retryAfterMs());
    }

    /** The decoder's sentences, read from these catalogs the first time they are needed. */
    ProtocolSentences protocol() {
        ProtocolSentences p = protocol;
        if (p == null) {
            p = ProtocolSentences.of(this);
            protocol = p;
        }
        return p;
    }

    /**
     * {@code message} as a reader of {@code locale} gets it: an {@code error} as
     * {@link #localize(ServerMessage.Error, String)} says, a {@code notice} or an {@code invite} whose
     * text is a {@linkplain Sentence#token() sentence token} with that sentence in this language;
     * anything else (and a notice or invite already in words) as it is.
     */
    public ServerMessage localize(ServerMessage message, String locale) {
        if (message instanceof ServerMessage.Error e) {
            return localize(e, locale);
        }
        if (message instanceof ServerMessage.Notice n && Sentence.isToken(n.text())) {
            Sentence s = Sentence.fromToken(n.text());
            return new ServerMessage.Notice(n.room(), n.code(), s == null ? "" : s.text(locale));
        }
        if (message instanceof ServerMessage.Invite i && Sentence.isToken(i.text())) {
            Sentence s = Sentence.fromToken(i.text());
            return new ServerMessage.Invite(i.room(), i.from(), i.escalation(),
                    s == null ? TEXT_LOST : s.text(locale));
        }
        return message;
    }

    /** Whether {@code message} is put into words per reader ({@link #localize(ServerMessage, String)} changes it). */
    public static boolean perLanguage(ServerMessage message) {
        return message instanceof ServerMessage.Notice n && Sentence.isToken(n.text());
    }

    /** The keys of one language's catalog (for tests and tools); empty for a language Kindred lacks. */
    public Set<String> keys(String lang) {
        Map<String, String> c = catalogs.get(lang);
        return c == null ? Set.of() : Collections.unmodifiableSet(c.keySet());
    }

    private static String fill(String template, Map<String, ?> args) {
        if (template.indexOf('{') < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i + 1) : -1;
            if (close > i + 1 && isName(template, i + 1, close)) {
                String name = template.substring(i + 1, close);
                if (args.containsKey(name)) {
                    out.append(args.get(name));
                } else {
                    out.append(template, i, close + 1);
                }
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isName(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }

    static ServerText load() {
        ObjectMapper json = new ObjectMapper();
        Map<String, Map<String, String>> catalogs = new LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            String path = "i18n/" + lang + ".json";
            try (InputStream in = ServerText.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException(path + " is missing from the classpath");
                }
                JsonNode root = json.readTree(in);
                Map<String, String> c = new LinkedHashMap<>();
                root.fields().forEachRemaining(e -> {
                    if (!e.getValue().isTextual()) {
                        throw new IllegalStateException(path + ": " + e.getKey()
                                + " is not a sentence (expected: a string)");
                    }
                    c.put(e.getKey(), e.getValue().asText());
                });
                catalogs.put(lang, Collections.unmodifiableMap(c));
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + path, e);
            }
        }
        return new ServerText(Collections.unmodifiableMap(catalogs));
    }
}
