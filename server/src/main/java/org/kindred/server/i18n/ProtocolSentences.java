package org.kindred.server.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sentences of the protocol module's decoder ({@code ProtocolCodec}, {@code Fields} and the
 * requests' own checks: "The field 'room' is required.") recognised, so that a request refused
 * before any session logic reads in the session's language too. The protocol module knows no
 * catalog and writes English; each of its sentence shapes is a {@code protocol.*} key of
 * {@code i18n/en.json}, and the English template itself is the pattern (each {@code {name}} one
 * bounded group: digits for {@code max}/{@code min}, else up to 64 characters without spaces or
 * quotes), so a recognised sentence put back into English is the sentence that came in.
 * Immutable and thread-safe; matching is linear in the sentence's length (bounded groups,
 * anchored, no nested repetition).
 */
final class ProtocolSentences {
    private static final String PREFIX = "protocol.";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    /** Sentences longer than this are not the decoder's. */
    private static final int MAX_LENGTH = 400;

    private record Shape(String key, Pattern pattern, List<String> names) {
    }

    private final List<Shape> shapes;

    private ProtocolSentences(List<Shape> shapes) {
        this.shapes = shapes;
    }

    /** The shapes of every {@code protocol.*} key of {@code text}'s English catalog. */
    static ProtocolSentences of(ServerText text) {
        List<Shape> shapes = new ArrayList<>();
        for (String key : text.keys("en")) {
            if (key.startsWith(PREFIX)) {
                shapes.add(shape(key, text.text(key, "en")));
            }
        }
        return new ProtocolSentences(List.copyOf(shapes));
    }

    private static Shape shape(String key, String template) {
        StringBuilder regex = new StringBuilder();
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(at, m.start())));
            String name = m.group(1);
            regex.append("max".equals(name) || "min".equals(name) ? "([0-9]{1,12})" : "([^\\s']{1,64})");
            names.add(name);
            at = m.end();
        }
        regex.append(Pattern.quote(template.substring(at)));
        return new Shape(key, Pattern.compile(regex.toString()), List.copyOf(names));
    }

    /**
     * The sentence {@code english} (an error message the decoder wrote) stands for.
     *
     * @return null when it is not one of the decoder's sentences
     */
    Sentence recognise(String english) {
        if (english == null || english.length() > MAX_LENGTH) {
            return null;
        }
        for (Shape s : shapes) {
            Matcher m = s.pattern().matcher(english);
            if (m.matches()) {
                Sentence out = Sentence.of(s.key());
                for (int i = 0; i < s.names().size(); i++) {
                    out = out.with(s.names().get(i), m.group(i + 1));
                }
                return out;
            }
        }
        return null;
    }

    /** The keys recognised (for tests). */
    List<String> keys() {
        return shapes.stream().map(Shape::key).toList();
    }
}
