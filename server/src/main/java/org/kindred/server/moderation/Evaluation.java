package org.kindred.server.moderation;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.kindred.server.text.NormalizedText;
import org.kindred.server.text.Normalizer;

/**
 * The working state of one message passing the pipeline. Not thread-safe: it belongs to the
 * thread evaluating that message. Stages read the context and the current text and record
 * findings; {@link VerdictAssembler} turns them into a {@link Verdict}.
 */
public final class Evaluation {
    private final MessageContext context;
    private final ModerationConfig config;
    private final Normalizer normalizer;
    private String text;
    private NormalizedText normalized;
    private Verdict finished;
    private int[] masks = new int[0];
    private int maskCount;
    /** {@link #coverage} of the masks, built for {@code maskedBuiltFor} masks. */
    private int[] maskedBefore;
    private int maskedBuiltFor;
    private Set<String> categories;
    private Set<String> maskedCategories;
    private String blockCategory;
    private String holdCategory;
    private boolean alert;
    private boolean severe;
    private String warnCategory;
    /** Contact ranges [2i, 2i + 1) of the text, once found; see {@link #contactRanges}. */
    private int[] contactRanges;

    Evaluation(MessageContext context, ModerationConfig config, Normalizer normalizer) {
        this.context = context;
        this.config = config;
        this.normalizer = normalizer;
        this.text = context.text();
    }

    public MessageContext context() {
        return context;
    }

    public ModerationConfig config() {
        return config;
    }

    /** The text as it will be delivered before masking (after the shape stage cleaned it). */
    public String text() {
        return text;
    }

    /** Replaces the text; only the shape stage does this, before anything is recorded. */
    void replaceText(String cleaned) {
        if (normalized != null || maskCount > 0 || contactRanges != null) {
            throw new IllegalStateException("text replaced after matching (expected: shape stage first)");
        }
        this.text = cleaned;
    }

    /** The normalised text, computed on first use. */
    public NormalizedText normalized() {
        if (normalized == null) {
            normalized = normalizer.normalize(text);
        }
        return normalized;
    }

    /**
     * The text normalised again with every run of "1" or "|" that touches a letter read as "l"
     * ("ki11", "ki||"), or null when there is none. The normaliser reads "1" as "i" ("k1ll"), which
     * loses those. The replacement keeps every character's position, so its offsets are the text's.
     */
    public NormalizedText normalizedOnesAsL() {
        String alternative = onesAsL(text);
        return alternative == null ? null : normalizer.normalize(alternative);
    }

    static String onesAsL(String s) {
        char[] c = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (!isOne(s.charAt(i))) {
                continue;
            }
            int end = i;
            while (end < n && isOne(s.charAt(end))) {
                end++;
            }
            if ((i > 0 && Character.isLetter(s.charAt(i - 1))) || (end < n && Character.isLetter(s.charAt(end)))) {
                if (c == null) {
                    c = s.toCharArray();
                }
                for (int k = i; k < end; k++) {
                    c[k] = 'l';
                }
            }
            i = end - 1;
        }
        return c == null ? null : new String(c);
    }

    private static boolean isOne(char ch) {
        return ch == '1' || ch == '|';
    }

    /**
     * The contact details {@code scanner} finds in {@link #text()}, as ranges {@code [r[2i], r[2i + 1])}
     * (possibly overlapping, in no particular order; empty when there are none). Found once per
     * message: the lexicon stage reads them to leave addresses and handles to the contact policy,
     * the contact stage masks them.
     */
    int[] contactRanges(ContactScanner scanner) {
        if (contactRanges == null) {
            int[][] found = {new int[0]};
            int[] count = {0};
            scanner.scan(text, context.mentionable(), (start, end) -> {
                if (count[0] * 2 == found[0].length) {
                    found[0] = Arrays.copyOf(found[0], Math.max(4, found[0].length * 2));
                }
                found[0][count[0] * 2] = start;
                found[0][count[0] * 2 + 1] = end;
                count[0]++;
            });
            contactRanges = Arrays.copyOf(found[0], count[0] * 2);
        }
        return contactRanges;
    }

    /** Ends the evaluation with this verdict; later stages are skipped. */
    public void finish(Verdict verdict) {
        this.finished = verdict;
    }

    public boolean isFinished() {
        return finished != null || blockCategory != null;
    }

    Verdict finished() {
        return finished;
    }

    /**
     * Records that {@code category} matched the original range {@code [start, end)} of
     * {@link #text()} and applies the room's action for it. Returns false once the message is
     * blocked (callers may stop looking, or go on to record every category for moderators; the
     * reason given is that of the most serious blocked category).
     */
    public boolean found(String category, int start, int end) {
        Action action = config.action(context.room(), category);
        if (action == Action.ALLOW) {
            return true;
        }
        CategoryPolicy policy = config.policy(category);
        category(category);
        alert |= policy.alert();
        if (policy.warn() && warnCategory == null) {
            warnCategory = category;
        }
        switch (action) {
            case MASK -> mask(start, end, category);
            case HOLD -> {
                if (holdCategory == null) {
                    holdCategory = category;
                }
            }
            case BLOCK -> {
                if (blockCategory == null || Reasons.priority(category) < Reasons.priority(blockCategory)) {
                    blockCategory = category;
                }
                severe |= policy.severe();
                return false;
            }
            default -> throw new IllegalStateException("action " + action);
        }
        return true;
    }

    private void category(String category) {
        if (categories == null) {
            categories = new LinkedHashSet<>(4);
        }
        categories.add(category);
    }

    private void mask(int start, int end, String category) {
        if (start < 0 || end > text.length()) {
            throw new IllegalArgumentException("mask [" + start + ", " + end + ") (expected: within 0.."
                    + text.length() + ")");
        }
        if (start >= end) {
            return;
        }
        if (start > 0 && Character.isLowSurrogate(text.charAt(start)) && Character.isHighSurrogate(text.charAt(start - 1))) {
            start--; // never split a surrogate pair: mask whole code points
        }
        if (end < text.length() && Character.isLowSurrogate(text.charAt(end))
                && Character.isHighSurrogate(text.charAt(end - 1))) {
            end++;
        }
        if (maskCount * 2 == masks.length) {
            masks = Arrays.copyOf(masks, Math.max(8, masks.length * 2));
        }
        masks[maskCount * 2] = start;
        masks[maskCount * 2 + 1] = end;
        maskCount++;
        if (maskedCategories == null) {
            maskedCategories = new LinkedHashSet<>(2);
        }
        maskedCategories.add(category);
    }

    /**
     * True if {@code [start, end)} (within {@link #text()}) overlaps a range already masked.
     * Constant time after the first call following a new mask (which costs one pass over the
     * text and the masks), so a stage may ask once per candidate without going quadratic.
     */
    public boolean masked(int start, int end) {
        if (maskCount == 0 || start >= end) {
            return false;
        }
        if (maskedBuiltFor != maskCount) {
            maskedBefore = coverage(text.length(), masks, maskCount);
            maskedBuiltFor = maskCount;
        }
        return maskedBefore[end] - maskedBefore[start] > 0;
    }

    /**
     * For masks {@code [masks[2i], masks[2i+1])}, i &lt; count, over a text of {@code length}
     * chars: an array {@code c} of {@code length + 1} where {@code c[k]} is how many of the chars
     * before {@code k} are masked. Linear in {@code length + count}, however the masks overlap.
     */
    static int[] coverage(int length, int[] masks, int count) {
        int[] c = new int[length + 1];
        for (int i = 0; i < count; i++) {
            c[masks[2 * i]]++;
            c[masks[2 * i + 1]]--;
        }
        int depth = 0;
        int before = 0;
        for (int k = 0; k < length; k++) {
            depth += c[k];
            c[k] = before;
            if (depth > 0) {
                before++;
            }
        }
        c[length] = before;
        return c;
    }

    int maskCount() {
        return maskCount;
    }

    int maskStart(int i) {
        return masks[2 * i];
    }

    int maskEnd(int i) {
        return masks[2 * i + 1];
    }

    Set<String> categories() {
        return categories == null ? Set.of() : categories;
    }

    Set<String> maskedCategories() {
        return maskedCategories == null ? Set.of() : maskedCategories;
    }

    String blockCategory() {
        return blockCategory;
    }

    String holdCategory() {
        return holdCategory;
    }

    boolean alert() {
        return alert;
    }

    /** The first category found whose policy warns the sender, or null. */
    String warnCategory() {
        return warnCategory;
    }

    boolean severe() {
        return severe;
    }
}
