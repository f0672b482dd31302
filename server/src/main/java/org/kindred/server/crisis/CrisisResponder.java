package org.kindred.server.crisis;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.kindred.protocol.RiskLevel;
import org.kindred.protocol.ServerMessage;

/**
 * Builds the private {@code crisis} event for the writer: a short warm sentence in the
 * language of the session's locale (falling back to the file's default language) and the crisis
 * lines of {@link CrisisDirectory#resourcesFor}. Immutable and thread-safe.
 */
public final class CrisisResponder {
    /** The bundled sentences on the classpath. */
    public static final String BUNDLED_RESOURCE = "crisis/responses.yaml";
    /** Longest sentence accepted: the card must stay short. */
    public static final int MAX_SENTENCE = 320;

    private final CrisisDirectory directory;
    private final Map<String, Map<RiskLevel, String>> sentences;
    private final String defaultLanguage;

    private CrisisResponder(CrisisDirectory directory, Map<String, Map<RiskLevel, String>> sentences,
            String defaultLanguage) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.sentences = Map.copyOf(sentences);
        this.defaultLanguage = defaultLanguage;
    }

    /** A responder with the bundled sentences. */
    public static CrisisResponder withBundledSentences(CrisisDirectory directory) {
        try (InputStream in = CrisisResponder.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + BUNDLED_RESOURCE);
            }
            ResponsesFile f = new ObjectMapper(new YAMLFactory()).readValue(in, ResponsesFile.class);
            return new CrisisResponder(directory, validate(f), f.defaultLanguage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED_RESOURCE, e);
        }
    }

    /**
     * The {@code crisis} event for the writer of a risk message or of a {@code help} request.
     *
     * @param level the assessed level (a {@code help} request is {@link RiskLevel#HIGH})
     * @param region the session's region, may be {@code null}
     * @param locale the session's BCP 47 locale, may be {@code null}
     * @param requestId the {@code id} of a {@code help} request, {@code null} for an event
     * @param escalationId the escalation opened for it, {@code null} when none was opened
     * @return the event; for {@link RiskLevel#IMMINENT} its resources start with the region's
     *         emergency numbers
     */
    public ServerMessage.Crisis respond(RiskLevel level, String region, String locale, String requestId,
            String escalationId) {
        Objects.requireNonNull(level, "level");
        return new ServerMessage.Crisis(requestId, level, sentence(level, locale),
                directory.resourcesFor(region, locale, level == RiskLevel.IMMINENT), escalationId);
    }

    /** The sentence for a level in the locale's language, or in the default language. */
    public String sentence(RiskLevel level, String locale) {
        Map<RiskLevel, String> byLevel = sentences.get(language(locale));
        return (byLevel != null ? byLevel : sentences.get(defaultLanguage)).get(level);
    }

    /** The directory the lines come from. */
    public CrisisDirectory directory() {
        return directory;
    }

    /** Languages with their own sentences. */
    public java.util.Set<String> languages() {
        return sentences.keySet();
    }

    private static String language(String locale) {
        if (locale == null || locale.isBlank() || locale.length() > 64) {
            return "";
        }
        return Locale.forLanguageTag(locale.trim().replace('_', '-')).getLanguage();
    }

    private static Map<String, Map<RiskLevel, String>> validate(ResponsesFile f) {
        if (f.languages() == null || f.defaultLanguage() == null || !f.languages().containsKey(f.defaultLanguage())) {
            throw new IllegalArgumentException(BUNDLED_RESOURCE + ": default language missing (expected: "
                    + "default: <language> with sentences under languages)");
        }
        Map<String, Map<RiskLevel, String>> out = new HashMap<>();
        f.languages().forEach((lang, levels) -> {
            Map<RiskLevel, String> byLevel = new EnumMap<>(RiskLevel.class);
            for (RiskLevel level : RiskLevel.values()) {
                String key = level.name().toLowerCase(Locale.ROOT);
                String s = levels == null ? null : levels.get(key);
                if (s == null || s.isBlank() || s.strip().length() > MAX_SENTENCE) {
                    throw new IllegalArgumentException(BUNDLED_RESOURCE + ": " + lang + "." + key
                            + " (expected: a sentence of 1 to " + MAX_SENTENCE + " characters)");
                }
                byLevel.put(level, s.strip());
            }
            out.put(lang, Map.copyOf(byLevel));
        });
        return out;
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record ResponsesFile(@com.fasterxml.jackson.annotation.JsonProperty("default") String defaultLanguage,
            Map<String, Map<String, String>> languages) {
    }
}
