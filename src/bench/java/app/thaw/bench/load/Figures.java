package app.thaw.bench.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Min / median / p95 / max of one measured quantity, the way every benchmark reports it. */
public record Figures(String name, String unit, int count, double min, double median, double p95, double max) {

    public static Figures of(String name, String unit, List<? extends Number> values) {
        if (values.isEmpty()) {
            return new Figures(name, unit, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        List<Double> sorted = new ArrayList<>(values.size());
        values.forEach(v -> sorted.add(v.doubleValue()));
        Collections.sort(sorted);
        return new Figures(name, unit, sorted.size(), sorted.getFirst(), percentile(sorted, 50),
                percentile(sorted, 95), sorted.getLast());
    }

    /** Nearest-rank percentile: the value below which p % of the samples lie. */
    static double percentile(List<Double> sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    public String line() {
        return String.format(Locale.ROOT, "%-34s n=%-5d min %9s  median %9s  p95 %9s  max %9s %s",
                name, count, fmt(min), fmt(median), fmt(p95), fmt(max), unit);
    }

    /** One Markdown table row: | name | n | min | median | p95 | max | */
    public String row() {
        return "| " + name + " | " + count + " | " + fmt(min) + " | " + fmt(median) + " | " + fmt(p95) + " | "
                + fmt(max) + " " + unit + " |";
    }

    public static String header() {
        return "| measure | n | min | median | p95 | max |\n|---|---|---|---|---|---|";
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
