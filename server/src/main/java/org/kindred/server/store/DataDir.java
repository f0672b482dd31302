package org.kindred.server.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The server's data directory (database, fingerprint secret). */
public final class DataDir {
    private DataDir() {
    }

    /**
     * Returns {@code dir}, creating it (and its parents) if missing; a directory created here
     * is readable by its owner only where the file system supports POSIX permissions. An
     * existing directory is left as it is.
     */
    public static Path ensure(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createDirectories(dir,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return Files.createDirectories(dir);
    }
}
