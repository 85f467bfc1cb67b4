package app.thaw.outcomes.ui;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import app.thaw.base.PracticeTime;

/**
 * Server-rendered SVG line charts (no paid chart component): one line per client across time, a dashed threshold
 * line, axis labels; a viewBox so they scale to a phone, a title and description for screen readers, and every chart
 * shown with a table of the same numbers. The practice reports' SvgChart follows the same rules.
 */
final class OutcomeChart {

    /** One client's line. */
    record Line(String name, String colour, List<Point> points) {
    }

    record Point(Instant at, int value) {
    }

    /** A named horizontal rule, e.g. "Caseness (10)". */
    record Threshold(double value, String label) {
    }

    static final String[] COLOURS = {"#2f6f9f", "#b5542c", "#2f7f5a", "#7a4f9a"};
    private static final DateTimeFormatter DAY = PracticeTime.SHORT_DAY_MONTH;
    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int LEFT = 40;
    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int BOTTOM = 36;

    private OutcomeChart() {
    }

    static String lines(String title, String description, int max, @Nullable Threshold threshold, List<Line> lines) {
        var svg = open(title, description);
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int plotWidth = WIDTH - LEFT - RIGHT;
        for (int i = 0; i <= 4; i++) {
            int value = Math.round(max * i / 4f);
            double y = y(value, max, plotHeight);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
                    + "stroke=\"#d5dcdf\"/><text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" "
                    + "fill=\"#44555b\">%d</text>", LEFT, y, WIDTH - RIGHT, y, LEFT - 6, y + 4, value));
        }
        if (threshold != null) {
            double y = y(threshold.value(), max, plotHeight);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
                    + "stroke=\"#8c1d18\" stroke-dasharray=\"6 4\" class=\"threshold\"/><text x=\"%d\" y=\"%.1f\" "
                    + "font-size=\"11\" text-anchor=\"end\" fill=\"#8c1d18\">%s</text>", LEFT, y, WIDTH - RIGHT, y,
                    WIDTH - RIGHT, y - 4, escape(threshold.label())));
        }
        List<Instant> times = lines.stream().flatMap(l -> l.points().stream()).map(Point::at).sorted().toList();
        if (!times.isEmpty()) {
            long start = times.getFirst().toEpochMilli();
            long span = Math.max(1, times.getLast().toEpochMilli() - start);
            for (Instant at : List.of(times.getFirst(), times.getLast())) {
                double x = x(at, start, span, plotWidth, times.size() == 1);
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" "
                        + "text-anchor=\"middle\" fill=\"#44555b\">%s</text>", x, HEIGHT - BOTTOM + 16,
                        DAY.format(at)));
            }
            for (Line line : lines) {
                var path = new StringBuilder();
                for (Point p : line.points()) {
                    double x = x(p.at(), start, span, plotWidth, times.size() == 1);
                    double y = y(p.value(), max, plotHeight);
                    path.append(path.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\" "
                            + "class=\"point\"><title>%s</title></circle>", x, y, line.colour(),
                            escape(line.name() + ", " + DAY.format(p.at()) + ": " + p.value())));
                }
                if (line.points().size() > 1) {
                    svg.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" "
                            + "stroke-width=\"2\"/>", path, line.colour()));
                }
            }
        }
        int x = LEFT;
        for (Line line : lines) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"6\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"16\" font-size=\"11\" fill=\"#1d2a2e\">%s</text>", x, line.colour(), x + 16,
                    escape(line.name())));
            x += 24 + 7 * line.name().length();
        }
        return svg.append("</svg>").toString();
    }

    /** One named line of percentages over categories (periods); a null value leaves a gap (suppressed). */
    record Trend(String name, String colour, List<Integer> percents) {
    }

    /** The chart's frame with its accessible name and description (the picture is role="img"). */
    private static StringBuilder open(String title, String description) {
        return new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" class=\"outcome-chart\"><title>%s</title><desc>%s</desc>",
                WIDTH, HEIGHT, escape(title), escape(description)));
    }

    /** Percentages per period, 0 to 100, with a dashed target line (e.g. the 50% recovery standard). */
    static String trend(String title, String description, List<String> periods, List<Trend> trends,
                        @Nullable Threshold target) {
        var svg = open(title, description);
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int plotWidth = WIDTH - LEFT - RIGHT;
        for (int i = 0; i <= 4; i++) {
            double y = y(i * 25, 100, plotHeight);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
                    + "stroke=\"#d5dcdf\"/><text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" "
                    + "fill=\"#44555b\">%d%%</text>", LEFT, y, WIDTH - RIGHT, y, LEFT - 6, y + 4, i * 25));
        }
        if (target != null) {
            double y = y(target.value(), 100, plotHeight);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
                    + "stroke=\"#8c1d18\" stroke-dasharray=\"6 4\" class=\"threshold\"/><text x=\"%d\" "
                    + "y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#8c1d18\">%s</text>", LEFT, y,
                    WIDTH - RIGHT, y, WIDTH - RIGHT, y - 4, escape(target.label())));
        }
        int n = Math.max(periods.size(), 1);
        double step = n == 1 ? 0 : (plotWidth - 16.0) / (n - 1);
        for (int i = 0; i < periods.size(); i++) {
            if (periods.size() <= 12 || i % Math.ceil(periods.size() / 12.0) == 0) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" "
                        + "text-anchor=\"middle\" fill=\"#44555b\">%s</text>", px(i, n, step, plotWidth),
                        HEIGHT - BOTTOM + 16, escape(periods.get(i))));
            }
        }
        for (Trend t : trends) {
            var path = new StringBuilder();
            for (int i = 0; i < t.percents().size(); i++) {
                Integer value = t.percents().get(i);
                if (value == null) {
                    continue;
                }
                double x = px(i, n, step, plotWidth);
                double y = y(value, 100, plotHeight);
                path.append(path.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\">"
                        + "<title>%s</title></circle>", x, y, t.colour(), escape(t.name() + ", " + periods.get(i)
                        + ": " + value + "%")));
            }
            if (path.length() > 0) {
                svg.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" "
                        + "stroke-width=\"2\"/>", path, t.colour()));
            }
        }
        int x = LEFT;
        for (Trend t : trends) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"6\" width=\"12\" height=\"12\" "
                    + "fill=\"%s\"/><text x=\"%d\" y=\"16\" font-size=\"11\" fill=\"#1d2a2e\">%s</text>", x,
                    t.colour(), x + 16, escape(t.name())));
            x += 24 + 7 * t.name().length();
        }
        return svg.append("</svg>").toString();
    }

    private static double px(int i, int n, double step, int plotWidth) {
        return n == 1 ? LEFT + plotWidth / 2.0 : LEFT + 8 + i * step;
    }

    private static double x(Instant at, long start, long span, int plotWidth, boolean single) {
        return single ? LEFT + plotWidth / 2.0 : LEFT + 8 + (plotWidth - 16) * (at.toEpochMilli() - start) / (double) span;
    }

    private static double y(double value, int max, int plotHeight) {
        return TOP + plotHeight - plotHeight * value / Math.max(1, max);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
