package org.kindred.server.moderation.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the lexicon file format:
 * <pre>
 * # comment; the header must include a line "# origin: ..." saying where the list comes from
 * [category]                         starts a section (lower-case name)
 * &#64;not-after dont, do not, never     exemptions for the rest of the section: the words right
 *                                    before a match that make it harmless ("don't kill yourself")
 * term{,s,ed} {a,b}                  a term; brace groups expand to every combination
 * term | ~ | !allowed phrase         flags: "~" also matches inside words; "!phrase" exempts a
 *                                    match that this phrase contains (Scunthorpe, shiitake)
 * -term                              removes the term from this category (operator overrides)
 * </pre>
 */
public final class LexiconParser {
    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private LexiconParser() {
    }

    /** A parsed file: its origin header and its entries. */
    public record ParsedFile(String name, String origin, List<LexiconEntry> entries) {
    }

    public static ParsedFile parse(String name, Reader reader) throws IOException {
        List<LexiconEntry> entries = new ArrayList<>();
        String origin = null;
        String category = null;
        List<String> notAfter = List.of();
        BufferedReader in = new BufferedReader(reader);
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            String source = name + ":" + number;
            String s = line.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (s.startsWith("#")) {
                String comment = s.substring(1).strip();
                if (comment.regionMatches(true, 0, "origin:", 0, 7)) {
                    origin = comment.substring(7).strip();
                }
                continue;
            }
            if (s.startsWith("[")) {
                if (!s.endsWith("]") || !CATEGORY.matcher(s.substring(1, s.length() - 1)).matches()) {
                    throw new LexiconException(source + ": section '" + s + "' (expected: [lower_case_name])");
                }
                category = s.substring(1, s.length() - 1);
                notAfter = List.of();
                continue;
            }
            if (category == null) {
                throw new LexiconException(source + ": term before any [category] (expected: a section first)");
            }
            if (s.startsWith("@not-after ")) {
                notAfter = splitList(s.substring("@not-after ".length()));
                continue;
            }
            if (s.startsWith("@")) {
                throw new LexiconException(source + ": unknown directive (expected: @not-after)");
            }
            boolean remove = s.startsWith("-");
            String[] parts = (remove ? s.substring(1) : s).split("\\|");
            boolean substring = false;
            List<String> allow = new ArrayList<>();
            for (int p = 1; p < parts.length; p++) {
                String flag = parts[p].strip();
                if (flag.equals("~")) {
                    substring = true;
                } else if (flag.startsWith("!") && flag.length() > 1) {
                    allow.addAll(expand(flag.substring(1).strip(), source));
                } else {
                    throw new LexiconException(source + ": flag '" + flag + "' (expected: ~ or !phrase)");
                }
            }
            for (String term : expand(parts[0].strip(), source)) {
                if (!term.isBlank()) {
                    entries.add(new LexiconEntry(category, term, substring, allow, notAfter, remove, source));
                }
            }
        }
        if (origin == null || origin.isEmpty()) {
            throw new LexiconException(name + ": no '# origin:' header line (expected: where the list comes from)");
        }
        return new ParsedFile(name, origin, entries);
    }

    private static List<String> expand(String pattern, String source) {
        try {
            return TermExpander.expand(pattern);
        } catch (IllegalArgumentException e) {
            throw new LexiconException(source + ": " + e.getMessage());
        }
    }

    private static List<String> splitList(String s) {
        List<String> out = new ArrayList<>();
        for (String part : s.split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }
}
