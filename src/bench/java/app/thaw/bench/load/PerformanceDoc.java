package app.thaw.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Rewrites one benchmark's own marked section of docs/performance.md ({@code <!-- bench:NAME -->} …
 * {@code <!-- /bench:NAME -->}), so benchmarks run separately never overwrite each other's figures.
 */
public final class PerformanceDoc {

    public static final Path FILE = Path.of("docs/performance.md");

    private PerformanceDoc() {
    }

    public static void write(String section, String body) throws IOException {
        String start = "<!-- bench:" + section + " -->";
        String end = "<!-- /bench:" + section + " -->";
        String block = start + "\n" + body.strip() + "\n" + end;
        String text = Files.exists(FILE) ? Files.readString(FILE) : "# Performance\n\n";
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        if (from >= 0 && to > from) {
            text = text.substring(0, from) + block + text.substring(to + end.length());
        } else {
            text = text.stripTrailing() + "\n\n" + block + "\n";
        }
        Files.createDirectories(FILE.getParent());
        Files.writeString(FILE, text);
        System.out.println("Wrote section '" + section + "' of " + FILE.toAbsolutePath());
    }

    /** Where and when: cores, RAM, JDK, load average and date, for the line under each table. */
    public static String machine(String postgres) {
        var os = ManagementFactory.getOperatingSystemMXBean();
        long ramMb = -1;
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            ramMb = sun.getTotalMemorySize() / (1024 * 1024);
        }
        return String.format("%d cores, %.1f GiB RAM, %s %s (%s), %s, load average %.1f at the start, %s",
                Runtime.getRuntime().availableProcessors(), ramMb / 1024.0,
                System.getProperty("java.vm.vendor"), System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), postgres,
                os.getSystemLoadAverage(),
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
    }
}
