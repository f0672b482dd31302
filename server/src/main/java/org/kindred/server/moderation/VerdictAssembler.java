package org.kindred.server.moderation;

import java.util.ArrayList;
import java.util.List;

/**
 * Stage 7: turns an {@link Evaluation} into one immutable {@link Verdict}: block beats hold beats
 * mask beats deliver; masks replace exactly the code points that recorded ranges touch with
 * {@code *} (one per code point, spaces inside a masked span included); repeated severe blocks ask for an automatic mute.
 */
final class VerdictAssembler {
    private final StrikeTracker strikes;

    VerdictAssembler(StrikeTracker strikes) {
        this.strikes = strikes;
    }

    Verdict assemble(Evaluation e) {
        if (e.finished() != null) {
            return e.finished();
        }
        if (e.blockCategory() != null) {
            long mute = e.severe() ? strikes.strike(e.context().memberId(), e.context().nowMillis()) : 0;
            return new Verdict(Outcome.BLOCK, null, e.categories(), Reasons.blocked(e.blockCategory()), 0, e.alert(),
                    List.of(), mute);
        }
        String text = e.maskCount() == 0 ? e.text() : masked(e);
        List<Notice> notices = notices(e);
        if (e.holdCategory() != null) {
            return new Verdict(Outcome.HOLD, text, e.categories(), Reasons.held(e.holdCategory()), 0, e.alert(),
                    notices, 0);
        }
        if (e.maskCount() > 0) {
            return new Verdict(Outcome.MASK, text, e.categories(), null, 0, e.alert(), notices, 0);
        }
        return e.categories().isEmpty() && !e.alert() ? Verdict.deliver(text)
                : new Verdict(Outcome.DELIVER, text, e.categories(), null, 0, e.alert(), notices, 0);
    }

    /**
     * {@code masked} notices (one for contact details, one for other hidden words) and a {@code warned}
     * notice when a category whose policy warns matched (it replaces the generic hidden-words one
     * when it explains every hidden word).
     */
    private static List<Notice> notices(Evaluation e) {
        if (e.maskCount() == 0 && e.warnCategory() == null) {
            return List.of();
        }
        List<Notice> notices = new ArrayList<>(3);
        java.util.Set<String> masked = e.maskedCategories();
        if (masked.contains(Categories.CONTACT)) {
            notices.add(new Notice(Notice.MASKED, Reasons.CONTACT_MASKED));
        }
        int explained = (masked.contains(Categories.CONTACT) ? 1 : 0)
                + (e.warnCategory() != null && masked.contains(e.warnCategory()) ? 1 : 0);
        if (masked.size() > explained) {
            notices.add(new Notice(Notice.MASKED, Reasons.WORDS_MASKED));
        }
        if (e.warnCategory() != null) {
            notices.add(new Notice(Notice.WARNED, Reasons.warned(e.warnCategory())));
        }
        return notices;
    }

    /** The text with every masked range replaced by one {@code *} per code point. */
    static String masked(Evaluation e) {
        String s = e.text();
        int count = e.maskCount();
        int[] masks = new int[2 * count];
        for (int i = 0; i < count; i++) {
            masks[2 * i] = e.maskStart(i);
            masks[2 * i + 1] = e.maskEnd(i);
        }
        int[] before = Evaluation.coverage(s.length(), masks, count); // linear, however many masks overlap
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i); // a pair is one code point; a lone surrogate is one too
            int next = i + Character.charCount(cp);
            if (before[next] > before[i]) {
                out.append('*');
            } else {
                out.append(s, i, next);
            }
            i = next;
        }
        return out.toString();
    }
}
