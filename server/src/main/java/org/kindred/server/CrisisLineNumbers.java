package org.kindred.server;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.kindred.server.crisis.CrisisDirectory;
import org.kindred.server.crisis.CrisisLine;

/**
 * The phone and SMS numbers (digits only) and the web domains of every line in the crisis-line
 * directory, emergency numbers included: what the moderation pipeline must never hide, so a
 * staff member (or anyone) can pass a line on, e.g. in a private conversation.
 */
final class CrisisLineNumbers {
    private CrisisLineNumbers() {
    }

    static List<CrisisLine> all(CrisisDirectory d) {
        List<CrisisLine> lines = new ArrayList<>(d.international());
        for (String region : d.regions()) {
            lines.addAll(d.linesOf(region));
            lines.addAll(d.emergencyOf(region));
        }
        return lines;
    }

    /**
     * Digits of every phone and SMS number, e.g. {@code "1-800-668-6868"} → {@code 18006686868};
     * for a number written with its country code, also its national forms.
     */
    static Set<String> numbers(CrisisDirectory d) {
        Set<String> out = new LinkedHashSet<>();
        for (CrisisLine l : all(d)) {
            for (String n : new String[] {l.phone(), l.sms()}) {
                if (n != null) {
                    String digits = n.replaceAll("[^0-9]", "");
                    out.add(digits);
                    String[] groups = n.strip().split("[ \\-]+", 2);
                    if (groups.length == 2 && groups[0].startsWith("+")) { // "+91 98204 66726" said nationally
                        String national = groups[1].replaceAll("[^0-9]", "");
                        out.add(national);
                        out.add("0" + national);
                    }
                }
            }
        }
        return out;
    }

    /** Host names of every line's web page and chat, without {@code www.}. */
    static Set<String> domains(CrisisDirectory d) {
        Set<String> out = new LinkedHashSet<>();
        for (CrisisLine l : all(d)) {
            for (String u : new String[] {l.url(), l.chat()}) {
                String host = host(u);
                if (host != null) {
                    out.add(host.startsWith("www.") ? host.substring(4) : host);
                }
            }
        }
        return out;
    }

    private static String host(String url) {
        if (url == null) {
            return null;
        }
        try {
            String h = URI.create(url.strip()).getHost();
            return h == null ? null : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
