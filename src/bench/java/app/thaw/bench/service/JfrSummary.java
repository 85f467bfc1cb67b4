package app.thaw.bench.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@code --jfr}: a Flight Recorder profile of the measured phase, summarised as the share of CPU samples whose stack
 * holds each of the application's own methods (and the named framework steps), plus GC pauses — enough to see where
 * an operation's time goes without opening JDK Mission Control. The raw file stays in {@code target/} for that.
 */
final class JfrSummary implements AutoCloseable {

    /** Framework steps worth naming in a booking or case-open profile, matched against "class.method" of each frame. */
    private static final List<String> NAMED = List.of(
            "org.springframework.security.authorization.ObservationAuthorizationManager.",
            "org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor.invoke",
            "io.micrometer.observation.",
            "org.springframework.transaction.support.TransactionTemplate.execute",
            "org.springframework.transaction.interceptor.TransactionInterceptor.invoke",
            "org.hibernate.internal.SessionImpl.flush",
            "org.hibernate.event.internal.DefaultPersistEventListener.onPersist",
            "org.postgresql.core.v3.QueryExecutorImpl.execute",
            "org.springframework.context.support.AbstractApplicationContext.publishEvent",
            "org.hibernate.event.internal.AbstractFlushingEventListener.flushEntities",
            "org.hibernate.internal.SessionImpl.find",
            "javax.crypto.Cipher.doFinal",
            "tools.jackson.databind.ObjectMapper.readValue",
            "tools.jackson.databind.ObjectMapper.readTree");

    private final Recording recording;
    private final Path file;

    private JfrSummary(Recording recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    static JfrSummary start(String name) throws IOException, java.text.ParseException {
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
        Path file = Path.of("target", "bench-" + name + ".jfr").toAbsolutePath();
        Files.createDirectories(file.getParent());
        recording.setDestination(file);
        recording.start();
        return new JfrSummary(recording, file);
    }

    /** Stops the recording and returns a Markdown summary of it. */
    String stopAndSummarise(int top) throws IOException {
        recording.stop();
        recording.close();
        Map<String, Integer> inclusive = new HashMap<>();
        long samples = 0;
        long gcPauses = 0;
        double gcPauseMs = 0;
        double gcMaxMs = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            switch (event.getEventType().getName()) {
                case "jdk.ExecutionSample" -> {
                    if (event.getStackTrace() == null) {
                        continue;
                    }
                    samples++;
                    Set<String> seen = new HashSet<>();
                    for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                        if (!frame.isJavaFrame()) {
                            continue;
                        }
                        String method = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
                        String key = method.startsWith("app.thaw.") && !method.startsWith("app.thaw.bench.") ? method
                                : NAMED.stream().filter(method::startsWith).findFirst().orElse(null);
                        if (key != null && seen.add(key)) {
                            inclusive.merge(key, 1, Integer::sum);
                        }
                    }
                }
                case "jdk.GarbageCollection" -> {
                    double ms = event.getDuration("sumOfPauses").toNanos() / 1e6;
                    gcPauses++;
                    gcPauseMs += ms;
                    gcMaxMs = Math.max(gcMaxMs, ms);
                }
                default -> {
                }
            }
        }
        var out = new StringBuilder(String.format(Locale.ROOT, "JFR (`--jfr`, %d CPU samples of the measured phase; "
                + "GC: %d collections, %.0f ms paused in all, longest %.1f ms; file `%s`):%n%n"
                + "| share of samples | method (inclusive) |%n|---:|---|%n", samples, gcPauses, gcPauseMs, gcMaxMs,
                Path.of("").toAbsolutePath().relativize(file)));
        long total = Math.max(1, samples);
        inclusive.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(top)
                .forEach(e -> out.append(String.format(Locale.ROOT, "| %.1f %% | `%s` |%n",
                        100.0 * e.getValue() / total, e.getKey())));
        return out.toString();
    }

    @Override
    public void close() {
        recording.close();
    }
}
