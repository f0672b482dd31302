package org.kindred.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.Role;
import org.kindred.server.config.ConfigLoader;
import org.kindred.server.config.KindredConfig;
import org.kindred.server.crisis.CrisisDirectory;
import org.kindred.server.crisis.CrisisLine;
import org.kindred.server.moderation.MessageContext;
import org.kindred.server.moderation.ModerationPipeline;
import org.kindred.server.moderation.Outcome;
import org.kindred.server.moderation.Verdict;

/**
 * Every line of the crisis-line directory, passed on as the directory writes it, reaches the
 * reader unmasked and unheld: from a moderator (e.g. in a private conversation) and from a
 * member of a minute's standing alike.
 */
class CrisisLinesStayVisibleTest {

    @Test
    void everyDirectoryNumberAndLinkIsDeliveredAsWritten(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        KindredConfig core = ConfigLoader.defaults().toBuilder().dataDir(dir).build();
        ModerationPipeline pipeline = ModerationSetup.build(core, JsonNodeFactory.instance.objectNode()).pipeline();
        CrisisDirectory directory = CrisisDirectory.loadBundled();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        long now = System.currentTimeMillis();
        for (CrisisLine l : CrisisLineNumbers.all(directory)) {
            for (String part : new String[] {l.phone(), l.sms(), l.url(), l.chat()}) {
                if (part == null) {
                    continue;
                }
                String text = "You can reach " + l.name() + " on " + part + " any time.";
                for (Role role : new Role[] {Role.MODERATOR, Role.MEMBER}) {
                    Verdict v = pipeline.evaluate(new MessageContext("private-test", "u_" + checked, role, "fp"
                            + checked, now - 60_000, now, text));
                    checked++;
                    if (v.outcome() != Outcome.DELIVER || !v.text().equals(text)) {
                        failures.add(role + " " + v.outcome() + ": " + v.text());
                    }
                }
            }
        }
        assertTrue(checked > 100, "the directory has lines: " + checked);
        assertEquals(List.of(), failures);
    }
}
