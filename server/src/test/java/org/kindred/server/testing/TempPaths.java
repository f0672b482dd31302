package org.kindred.server.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The files and directories the tests' fixtures make under the temporary directory
 * ({@code java.io.tmpdir}), made here so that what was made is known: after every test class
 * {@link LeftoverCheck} finds each one made during the class still there, removes it and fails
 * the class. Only what this JVM made through this class counts, so other test runs sharing the
 * temporary directory never do.
 *
 * <p>A fixture that lives as long as the JVM (the shared Redis and PostgreSQL, removed by their
 * exit hooks) says so with {@link #livesWithTheJvm}; everything else is removed by whoever made
 * it when it is done, also when a test fails ({@code try}/{@code finally}, {@link AutoCloseable}).
 *
 * <p>A JVM that is killed removes nothing. So each name carries the JVM's process id
 * ({@code kindred-test-pid4242-1234…}), and the first path made here in a JVM first removes what
 * JVMs no longer running left under the temporary directory ({@link #reapDeadJvms}), except
 * directories holding an {@code owner.pid}, whose servers {@code ExternalServices.reapStale}
 * stops before it removes them.
 */
public final class TempPaths {
    /** Every path made, by the order it was made in. */
    private static final ConcurrentSkipListMap<Long, Path> MADE = new ConcurrentSkipListMap<>();
    private static final Set<Path> JVM_LONG = ConcurrentHashMap.newKeySet();
    private static final AtomicLong NEXT = new AtomicLong();
    private static final long PID = ProcessHandle.current().pid();
    /** A name made here: the caller's prefix (without its last {@code -}), {@code -pid}, the JVM's id, {@code -}. */
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("kindred-.*-pid(\\d+)-[^/]*");
    private static final java.util.concurrent.atomic.AtomicBoolean REAPED =
            new java.util.concurrent.atomic.AtomicBoolean();

    private TempPaths() {
    }

    /**
     * A new, empty directory under the temporary directory, named {@code prefix} (without a last
     * {@code -}), {@code -pid}, this JVM's process id, {@code -} and a random number.
     *
     * @param prefix the start of its name, e.g. {@code "kindred-test"}
     * @return the directory, for the caller to remove (e.g. {@link #delete}) when done
     * @throws IOException when it cannot be made
     */
    public static Path directory(String prefix) throws IOException {
        reapOnce();
        return made(Files.createTempDirectory(named(prefix)));
    }

    /**
     * A new, empty file under the temporary directory, named as {@link #directory} names one, then {@code suffix}.
     *
     * @param prefix the start of its name
     * @param suffix its end, e.g. {@code ".key"}
     * @return the file, for the caller to remove (e.g. {@link #delete}) when done
     * @throws IOException when it cannot be made
     */
    public static Path file(String prefix, String suffix) throws IOException {
        reapOnce();
        return made(Files.createTempFile(named(prefix), suffix));
    }

    private static String named(String prefix) {
        return (prefix.endsWith("-") ? prefix.substring(0, prefix.length() - 1) : prefix) + "-pid" + PID + "-";
    }

    private static void reapOnce() {
        if (REAPED.compareAndSet(false, true)) {
            reapDeadJvms(Path.of(System.getProperty("java.io.tmpdir")));
        }
    }

    /**
     * Removes from {@code tmp} what this class made in JVMs that are no longer running: each entry
     * named {@code kindred-…-pidN-…} whose process {@code N} is gone, unless it is a directory
     * holding an {@code owner.pid} (a Redis or PostgreSQL of the tests, or the three nodes' home:
     * {@code ExternalServices.reapStale} stops what runs there first). Entries of living JVMs,
     * and those that cannot be read or removed (another user's), are left alone.
     *
     * @param tmp the temporary directory
     * @return how many entries were removed
     */
    static int reapDeadJvms(Path tmp) {
        int removed = 0;
        try (java.util.stream.Stream<Path> entries = Files.list(tmp)) {
            for (Path p : entries.toList()) {
                java.util.regex.Matcher m = NAME.matcher(p.getFileName().toString());
                if (!m.matches() || Files.exists(p.resolve("owner.pid"))) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(m.group(1));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid == PID || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                delete(p);
                removed += Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? 0 : 1;
            }
        } catch (IOException | RuntimeException e) {
            // nothing to reap, or not ours to read
        }
        return removed;
    }

    private static Path made(Path p) {
        MADE.put(NEXT.getAndIncrement(), p.toAbsolutePath());
        return p;
    }

    /**
     * Removes {@code p} (a file, or a directory and everything in it; best effort, links are not
     * followed), whether or not it was made here; null or absent: nothing happens.
     *
     * @param p what to remove
     */
    public static void delete(Path p) {
        if (p != null && Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            ExternalServices.deleteTree(p);
        } else if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // best effort; LeftoverCheck names it if it is still there after the test class
            }
        }
    }

    /**
     * Marks {@code p}, made here, as living until the JVM ends (a shared server's directory, which
     * an exit hook removes): no test class is blamed for it.
     *
     * @param p a path {@link #directory} or {@link #file} returned
     */
    public static void livesWithTheJvm(Path p) {
        JVM_LONG.add(p.toAbsolutePath());
    }

    /**
     * Where the list of what was made stands now, for {@link #leftSince}.
     *
     * @return a mark: how many paths were made so far
     */
    public static long mark() {
        return NEXT.get();
    }

    /**
     * What was made since {@code mark} and is still there, except what lives with the JVM.
     *
     * @param mark a value {@link #mark()} returned
     * @return those paths, in the order they were made; empty when everything was removed
     */
    public static List<Path> leftSince(long mark) {
        List<Path> left = new ArrayList<>();
        for (Path p : MADE.tailMap(mark).values()) {
            if (!JVM_LONG.contains(p) && Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                left.add(p);
            }
        }
        return left;
    }
}
