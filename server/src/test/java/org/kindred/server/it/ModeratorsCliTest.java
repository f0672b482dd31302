package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin command as operators run it, through {@code Main} in its own JVM: results on
 * standard output, messages and logs on standard error, documented exit statuses.
 */
class ModeratorsCliTest {
    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    private Result main(String stdin, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.kindred.server.Main", "moderators"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        try {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the command ends on its own");
            return new Result(p.exitValue(), new String(out.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8),
                    new String(err.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8));
        } finally {
            p.destroyForcibly();
        }
    }

    private static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            return new byte[0];
        }
    }

    @Test
    void addThenListThenDisableAsAnOperatorWouldType() throws Exception {
        Path data = tmp.resolve("data");
        Result missing = main("", "list", "--data-dir", data.toString());
        assertEquals(2, missing.code(), missing.err());
        assertEquals("", missing.out());
        assertTrue(missing.err().startsWith("No Kindred database in "), missing.err());
        assertFalse(Files.exists(data.resolve("kindred.db")));

        Result add = main("a long passphrase\n", "add", "sam", "--data-dir", data.toString());
        assertEquals(0, add.code(), add.err());
        assertEquals("Created moderator sam." + System.lineSeparator(), add.out(), "only the result on stdout");
        assertTrue(add.err().contains("creating kindred.db"), add.err());
        assertTrue(add.err().contains("store: opened kindred.db"), "logs go to standard error: " + add.err());
        assertFalse(add.err().contains("a long passphrase"));

        Result list = main("", "list", "--data-dir", data.toString());
        assertEquals(0, list.code(), list.err());
        List<String> lines = list.out().lines().toList();
        assertEquals(2, lines.size(), list.out());
        assertTrue(lines.get(0).matches("NAME +ROLE +STATUS +CREATED"), lines.get(0));
        assertTrue(lines.get(1).matches("sam +moderator +active +\\d{4}-\\d\\d-\\d\\dT.*Z"), lines.get(1));

        Result nobody = main("", "disable", "nobody", "--data-dir", data.toString());
        assertEquals(1, nobody.code(), nobody.err());
        assertEquals("", nobody.out());
        Result disable = main("", "disable", "sam", "--data-dir", data.toString());
        assertEquals(0, disable.code(), disable.err());
        assertEquals("Disabled sam; its logins were revoked." + System.lineSeparator(), disable.out());
    }

    @Test
    void helpAndUsageErrors() throws Exception {
        Result help = main("", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("usage: java -jar kindred-server.jar moderators add"), help.out());
        Result addHelp = main("", "add", "--help");
        assertEquals(0, addHelp.code());
        assertTrue(addHelp.out().contains("printf '%s\\n' 'a long passphrase' | java -jar kindred-server.jar"
                + " moderators add sam --data-dir data"), addHelp.out());
        Result bad = main("", "remove", "sam");
        assertEquals(2, bad.code());
        assertEquals("", bad.out());
        assertTrue(bad.err().startsWith("Unknown command remove."), bad.err());
    }
}
