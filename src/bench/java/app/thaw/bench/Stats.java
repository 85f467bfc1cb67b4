package app.thaw.bench;

import java.util.Arrays;
import java.util.Locale;

/** Latencies of one measured operation: min / median / p95 / max in milliseconds (nearest-rank percentiles). */
public record Stats(String name, int count, double min, double median, double p95, double max) {

    public static Stats ofNanos(String name, long[] nanos) {
        if (nanos.length == 0) {
            return new Stats(name, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Stats(name, sorted.length, ms(sorted[0]), ms(percentile(sorted, 50)), ms(percentile(sorted, 95)),
                ms(sorted[sorted.length - 1]));
    }

    static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    public static String header() {
        return "| measurement | n | min ms | median ms | p95 ms | max ms |\n|---|---:|---:|---:|---:|---:|\n";
    }

    public String row() {
        return String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f |%n", name, count, min, median, p95, max);
    }

    public String line() {
        return String.format(Locale.ROOT, "%-48s n=%-6d min %8.2f  median %8.2f  p95 %8.2f  max %8.2f ms",
                name, count, min, median, p95, max);
    }
}
