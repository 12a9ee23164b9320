package dev.appointments.engines;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Unpacks the SQLite natives that DynamoDB Local needs from this module's jar into a temporary
 * folder, so that neither tests nor the local run need a setup step.
 */
final class SqliteNatives {

    static final String LIBRARY_PATH_PROPERTY = "sqlite4java.library.path";

    private static final List<String> FILES = List.of(
            "libsqlite4java-linux-amd64.so", "libsqlite4java-linux-i386.so", "libsqlite4java-osx.dylib",
            "sqlite4java-win32-x64.dll", "sqlite4java-win32-x86.dll");

    private SqliteNatives() {
    }

    static synchronized void install() {
        if (System.getProperty(LIBRARY_PATH_PROPERTY) != null) {
            return;
        }
        try {
            Path folder = Files.createTempDirectory("sqlite4java-natives");
            folder.toFile().deleteOnExit();
            for (String file : FILES) {
                try (InputStream in = SqliteNatives.class.getResourceAsStream("/sqlite4java-natives/" + file)) {
                    if (in != null) {
                        Path target = folder.resolve(file);
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                        target.toFile().deleteOnExit();
                    }
                }
            }
            System.setProperty(LIBRARY_PATH_PROPERTY, folder.toString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not unpack the SQLite natives of DynamoDB Local", ex);
        }
    }
}
