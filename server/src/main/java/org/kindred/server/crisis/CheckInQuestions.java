package org.kindred.server.crisis;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The short, warm question of a due check-in ({@code checkin} event), in the language of the
 * session's locale where Kindred has one (English, Spanish, German, French), else in the
 * default language. Read once from {@value #BUNDLED_RESOURCE}; immutable and thread-safe.
 */
public final class CheckInQuestions {
    /** The bundled questions on the classpath. */
    public static final String BUNDLED_RESOURCE = "crisis/checkin-questions.yaml";
    /** Longest question accepted: it must read at a glance. */
    public static final int MAX_QUESTION = 200;

    private final Map<String, String> byLanguage;
    private final String defaultLanguage;

    /**
     * @param byLanguage ISO 639 language code (e.g. {@code "en"}) to question, each 1 to
     *        {@value #MAX_QUESTION} characters
     * @param defaultLanguage the language used when the locale's has no question; must be a key
     * @throws IllegalArgumentException naming what was expected when either is out of shape
     */
    public CheckInQuestions(Map<String, String> byLanguage, String defaultLanguage) {
        if (byLanguage == null || defaultLanguage == null || !byLanguage.containsKey(defaultLanguage)) {
            throw new IllegalArgumentException(BUNDLED_RESOURCE + ": default language missing (expected: "
                    + "default: <language> with a question under languages)");
        }
        Map<String, String> out = new HashMap<>();
        byLanguage.forEach((lang, q) -> {
            if (q == null || q.isBlank() || q.strip().length() > MAX_QUESTION) {
                throw new IllegalArgumentException(BUNDLED_RESOURCE + ": " + lang + " (expected: a question of 1 to "
                        + MAX_QUESTION + " characters)");
            }
            out.put(lang, q.strip());
        });
        this.byLanguage = Map.copyOf(out);
        this.defaultLanguage = defaultLanguage;
    }

    /** The bundled questions. */
    public static CheckInQuestions bundled() {
        try (InputStream in = CheckInQuestions.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + BUNDLED_RESOURCE);
            }
            File f = new ObjectMapper(new YAMLFactory()).readValue(in, File.class);
            return new CheckInQuestions(f.languages(), f.defaultLanguage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED_RESOURCE, e);
        }
    }

    /**
     * The question for a session.
     *
     * @param locale the session's BCP 47 locale (e.g. {@code es-MX}), may be {@code null}
     * @return the question in the locale's language, else in the default language; never null
     */
    public String question(String locale) {
        String q = byLanguage.get(language(locale));
        return q != null ? q : byLanguage.get(defaultLanguage);
    }

    /** Languages with their own question. */
    public Set<String> languages() {
        return byLanguage.keySet();
    }

    private static String language(String locale) {
        if (locale == null || locale.isBlank() || locale.length() > 64) {
            return "";
        }
        return Locale.forLanguageTag(locale.trim().replace('_', '-')).getLanguage();
    }

    record File(@JsonProperty("default") String defaultLanguage, Map<String, String> languages) {
    }
}
