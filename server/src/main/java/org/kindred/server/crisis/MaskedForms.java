package org.kindred.server.crisis;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kindred.server.text.Normalizer;

/**
 * Risk stems and the endings their language lets follow them ({@code crisis/masked-forms.yaml}):
 * what {@link MaskedWords} reads a masked inflection or compound as ("s*izidversuch" is suizid +
 * versuch, "sc*rifiée" scarifi + ée). Words are kept as spelled after normalising (lower case, no
 * accents, double letters kept). Immutable, thread-safe.
 *
 * @param languages per language code, its stems and endings
 */
record MaskedForms(Map<String, Language> languages) {
    static final String BUNDLED = "crisis/masked-forms.yaml";
    /** No forms: masked words are read as whole listed words only. */
    static final MaskedForms NONE = new MaskedForms(Map.of());

    /**
     * The stems and endings of one language.
     *
     * @param stems stems of two letters or more
     * @param endings endings and compound heads of one letter or more
     */
    record Language(List<String> stems, Set<String> endings) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record File(String origin, Map<String, Written> languages) {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Written(List<String> stems, List<String> endings) {
    }

    MaskedForms {
        languages = Map.copyOf(languages);
    }

    /** The bundled forms, read with the shared normaliser. */
    static MaskedForms loadBundled(Normalizer normalizer) {
        return compile(RulesYaml.read(BUNDLED, File.class), normalizer, BUNDLED);
    }

    /**
     * Compiles a forms file.
     *
     * @param where the file's name, for messages
     * @throws IllegalArgumentException naming the language and word, and what was expected
     */
    static MaskedForms compile(File f, Normalizer normalizer, String where) {
        if (f.origin() == null || f.origin().isBlank() || f.languages() == null || f.languages().isEmpty()) {
            throw new IllegalArgumentException(where + ": (expected: origin: and languages: {de: {stems: [...], endings: [...]}})");
        }
        Map<String, Language> out = new LinkedHashMap<>();
        f.languages().forEach((code, w) -> {
            String at = where + " languages." + code;
            if (Stemmers.index(code) < 0) {
                throw new IllegalArgumentException(at + ": (expected: en, es, de or fr)");
            }
            if (w == null || w.stems() == null || w.stems().isEmpty() || w.endings() == null || w.endings().isEmpty()) {
                throw new IllegalArgumentException(at + ": (expected: stems: [...] and endings: [...])");
            }
            out.put(code, new Language(List.copyOf(words(normalizer, w.stems(), at + ".stems", 2)),
                    Set.copyOf(words(normalizer, w.endings(), at + ".endings", 1))));
        });
        return new MaskedForms(out);
    }

    private static Set<String> words(Normalizer normalizer, List<String> raw, String at, int min) {
        Set<String> out = new HashSet<>();
        for (String w : raw) {
            String norm = w == null ? "" : normalizer.normalize(w).text();
            if (norm.length() < min || norm.length() > MaskedWords.MAX_LENGTH - 1
                    || !norm.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                throw new IllegalArgumentException(at + ": '" + w + "' (expected: one word of " + min + " to "
                        + (MaskedWords.MAX_LENGTH - 1) + " letters)");
            }
            out.add(norm);
        }
        return new java.util.TreeSet<>(out);
    }
}
