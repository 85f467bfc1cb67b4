package app.thaw.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import app.thaw.Application;

/**
 * Writes one benchmark's figures into {@code docs/performance.md} between {@code <!-- bench:name -->} and
 * {@code <!-- /bench:name -->}, leaving every other section as it is; a missing section is appended.
 */
public final class PerformanceDoc {

    public static final Path FILE = Path.of("docs", "performance.md");

    private PerformanceDoc() {
    }

    /** The section body, headed by the command, the machine and the date. */
    public static void write(String section, BenchOptions options, String machine, String body) throws IOException {
        String stamped = "Command: `" + options.command() + "`  \n"
                + "Machine: " + machine + "  \n"
                + "Date: " + ZonedDateTime.now(Application.PRACTICE_ZONE).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"))
                + "\n\n" + body.strip() + "\n";
        replaceSection(FILE, section, stamped);
        System.out.println("Wrote section '" + section + "' of " + FILE);
    }

    static void replaceSection(Path file, String section, String body) throws IOException {
        String open = "<!-- bench:" + section + " -->";
        String close = "<!-- /bench:" + section + " -->";
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Performance\n";
        int start = text.indexOf(open);
        int end = text.indexOf(close);
        String replacement = open + "\n" + body + close;
        if (start >= 0 && end > start) {
            text = text.substring(0, start) + replacement + text.substring(end + close.length());
        } else {
            text = text.stripTrailing() + "\n\n" + replacement + "\n";
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
