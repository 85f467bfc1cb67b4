package app.thaw.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL's client tools for the operations tests: pg_dump and pg_restore of version 18 or later (an older
 * pg_dump refuses an 18 server). Looked for in -Dthaw.pg.bin, $THAW_PG_BIN, the folder .ci/pg-client.sh builds
 * into (~/.cache/thaw/pg18/bin), then the PATH.
 */
final class PgTools {

    private PgTools() {
    }

    static Optional<Path> bin() {
        List<String> candidates = new ArrayList<>();
        candidates.add(System.getProperty("thaw.pg.bin"));
        candidates.add(System.getenv("THAW_PG_BIN"));
        candidates.add(System.getProperty("user.home") + "/.cache/thaw/pg18/bin");
        String path = System.getenv("PATH");
        if (path != null) {
            candidates.addAll(List.of(path.split(java.io.File.pathSeparator)));
        }
        return candidates.stream().filter(c -> c != null && !c.isBlank()).map(Path::of)
                .filter(dir -> Files.isExecutable(dir.resolve("pg_dump")) && Files.isExecutable(dir.resolve("pg_restore")))
                .filter(PgTools::atLeast18).findFirst();
    }

    private static boolean atLeast18(Path dir) {
        try {
            String version = run(List.of(dir.resolve("pg_dump").toString(), "--version"));
            var matcher = java.util.regex.Pattern.compile("(\\d+)\\.").matcher(version);
            return matcher.find() && Integer.parseInt(matcher.group(1)) >= 18;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs a command, returns its output; throws with the output when it fails. */
    static String run(List<String> command) throws IOException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
