package org.kindred.server.crisis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kindred.server.text.Normalizer;

/**
 * Compiles the phrase syntax of the rule files into {@link PhrasePattern}s.
 *
 * <pre>
 *   word        a word, written naturally ("don't", "Selbstmord", "matarme"); it goes through the
 *               same normaliser as messages, so case, accents, apostrophes and doubled letters
 *               do not matter
 *   word*       any word starting with this (at least 3 letters)
 *   (a|b c|)    alternatives; an alternative may have several words; an empty one makes the group optional
 *   @name       the alternatives of the class {@code name} of the same file
 *   x?          the word, group or class x is optional
 *   ~ or ~N     up to N (default 2, at most 4) arbitrary words of the same clause
 *   #           a number
 *   $           the end of the clause (punctuation, end of message)
 *   ^           (first, then a space) the pattern matches only at the start of a sentence
 * </pre>
 * A pattern must start with a word or a number. Groups with multi-word alternatives are expanded
 * into several patterns (at most {@value #MAX_VARIANTS}).
 */
final class PatternParser {
    static final int MAX_VARIANTS = 512;
    static final int DEFAULT_GAP = 2;
    static final int MAX_GAP = 4;

    private final Normalizer normalizer;
    private final Map<String, List<List<String>>> classes;

    /** @param classes class name to alternatives, each already a list of canonical atoms */
    PatternParser(Normalizer normalizer, Map<String, List<List<String>>> classes) {
        this.normalizer = normalizer;
        this.classes = classes;
    }

    /** Normalises one written word (or short phrase) into canonical atoms; a trailing * marks a prefix. */
    List<String> atoms(String written, String where) {
        boolean prefix = written.endsWith("*");
        String base = prefix ? written.substring(0, written.length() - 1) : written;
        String norm = normalizer.normalize(base).text();
        if (norm.isEmpty()) {
            throw new IllegalArgumentException(where + ": '" + written + "' has no letters or digits (expected: a word)");
        }
        List<String> out = new ArrayList<>();
        for (String w : norm.split(" ")) {
            out.add(Tokenizer.canonical(w));
        }
        if (prefix) {
            String last = out.get(out.size() - 1);
            if (last.length() < 3) {
                throw new IllegalArgumentException(where + ": prefix '" + written + "' is too short (expected: at least 3 letters before *)");
            }
            out.set(out.size() - 1, last + "*");
        }
        return out;
    }

    List<PhrasePattern> parse(String pattern, String where) {
        String at = where + " pattern '" + pattern + "'";
        String body = pattern.trim();
        boolean sentenceStart = body.startsWith("^ ");
        if (sentenceStart) {
            body = body.substring(2).trim();
        }
        List<String> flat = new ArrayList<>();
        PatternSyntax.expandNested(body, at, flat);
        List<PhrasePattern> out = new ArrayList<>();
        for (String f : flat) {
            for (PhrasePattern p : parseFlat(f, pattern, at)) {
                out.add(sentenceStart ? new PhrasePattern(p.source, java.util.Arrays.asList(p.elements), true) : p);
            }
        }
        return out;
    }

    private List<PhrasePattern> parseFlat(String pattern, String source, String at) {
        List<List<List<PatternElement>>> items = new ArrayList<>();
        for (String item : PatternSyntax.lex(pattern, at)) {
            items.add(item(item, at));
        }
        List<List<PatternElement>> variants = new ArrayList<>();
        variants.add(new ArrayList<>());
        for (List<List<PatternElement>> options : items) {
            List<List<PatternElement>> next = new ArrayList<>();
            for (List<PatternElement> v : variants) {
                for (List<PatternElement> o : options) {
                    List<PatternElement> c = new ArrayList<>(v);
                    c.addAll(o);
                    next.add(c);
                }
            }
            if (next.size() > MAX_VARIANTS) {
                throw new IllegalArgumentException(at + ": expands to too many variants (expected: at most " + MAX_VARIANTS + ")");
            }
            variants = next;
        }
        List<PhrasePattern> out = new ArrayList<>();
        for (List<PatternElement> v : variants) {
            addWithRequiredStart(v, source, at, out);
        }
        return out;
    }

    /** A leading optional element becomes two patterns: with it (required) and without it. */
    private static void addWithRequiredStart(List<PatternElement> v, String source, String at, List<PhrasePattern> out) {
        if (v.isEmpty()) {
            throw new IllegalArgumentException(at + ": empty (expected: at least one word)");
        }
        PatternElement first = v.get(0);
        if (first.kind == PatternElement.Kind.GAP || first.kind == PatternElement.Kind.END) {
            throw new IllegalArgumentException(at + ": starts with ~ or $ (expected: a word or # first)");
        }
        if (first.optional) {
            List<PatternElement> with = new ArrayList<>(v);
            with.set(0, first.required());
            addWithRequiredStart(with, source, at, out);
            addWithRequiredStart(new ArrayList<>(v.subList(1, v.size())), source, at, out);
            return;
        }
        out.add(new PhrasePattern(source, v));
    }

    /** One lexical item to its options; each option is a list of elements. */
    private List<List<PatternElement>> item(String item, String at) {
        if (item.equals("$")) {
            return List.of(List.of(PatternElement.end()));
        }
        if (item.equals("#") || item.equals("#?")) {
            return List.of(List.of(PatternElement.number(item.endsWith("?"))));
        }
        if (item.startsWith("~")) {
            int n = DEFAULT_GAP;
            if (item.length() > 1) {
                try {
                    n = Integer.parseInt(item.substring(1));
                } catch (NumberFormatException e) {
                    n = -1;
                }
            }
            if (n < 1 || n > MAX_GAP) {
                throw new IllegalArgumentException(at + ": gap '" + item + "' (expected: ~ or ~1 to ~" + MAX_GAP + ")");
            }
            return List.of(List.of(PatternElement.gap(n)));
        }
        boolean optional = item.endsWith("?");
        String body = optional ? item.substring(0, item.length() - 1) : item;
        List<List<String>> alternatives = new ArrayList<>();
        if (body.startsWith("(") && body.endsWith(")")) {
            for (String alt : body.substring(1, body.length() - 1).split("\\|", -1)) {
                if (alt.isBlank()) {
                    optional = true;
                } else if (alt.trim().startsWith("@")) {
                    alternatives.addAll(classRef(alt.trim(), at));
                } else {
                    List<String> atoms = new ArrayList<>();
                    for (String w : alt.trim().split("\\s+")) {
                        atoms.addAll(atoms(w, at));
                    }
                    alternatives.add(atoms);
                }
            }
        } else if (body.startsWith("@")) {
            alternatives.addAll(classRef(body, at));
        } else if (body.contains("(") || body.contains(")") || body.contains("|")) {
            throw new IllegalArgumentException(at + ": '" + item + "' (expected: a word, a (group) or an @class)");
        } else {
            alternatives.add(atoms(body, at));
        }
        if (alternatives.isEmpty()) {
            throw new IllegalArgumentException(at + ": empty group '" + item + "' (expected: (a|b))");
        }
        Set<String> exact = new LinkedHashSet<>();
        List<String> prefixes = new ArrayList<>();
        List<List<PatternElement>> options = new ArrayList<>();
        for (List<String> a : alternatives) {
            if (a.size() == 1) {
                String w = a.get(0);
                if (w.endsWith("*")) {
                    prefixes.add(w.substring(0, w.length() - 1));
                } else {
                    exact.add(w);
                }
                continue;
            }
            List<PatternElement> seq = new ArrayList<>();
            for (String w : a) {
                boolean p = w.endsWith("*");
                seq.add(PatternElement.word(p ? Set.of() : Set.of(w),
                        p ? new String[] {w.substring(0, w.length() - 1)} : new String[0], false));
            }
            options.add(seq);
        }
        boolean singles = !exact.isEmpty() || !prefixes.isEmpty();
        if (options.isEmpty()) {
            return List.of(List.of(PatternElement.word(exact, prefixes.toArray(new String[0]), optional)));
        }
        if (singles) {
            options.add(0, List.of(PatternElement.word(exact, prefixes.toArray(new String[0]), false)));
        }
        if (optional) {
            options.add(List.of());
        }
        return options;
    }

    private List<List<String>> classRef(String ref, String at) {
        List<List<String>> members = classes.get(ref.substring(1));
        if (members == null) {
            throw new IllegalArgumentException(at + ": unknown class '" + ref + "' (expected: one of " + classes.keySet() + ")");
        }
        return members;
    }
}
