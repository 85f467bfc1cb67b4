package app.thaw.practice.ui;

import java.util.List;
import java.util.Locale;

/**
 * Small server-rendered SVG charts for the reports: grouped bars by week and horizontal percentage bars. They scale
 * to any width (a viewBox), carry their own title and description for screen readers, and every chart has a table
 * beside it with the same numbers.
 */
final class SvgChart {

    /** One coloured set of bars, with a value per category. */
    record Series(String name, String colour, List<Double> values) {
    }

    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int LEFT = 44;
    private static final int BOTTOM = 40;
    private static final int TOP = 28;

    private SvgChart() {
    }

    /** Bars per category (a week), one per series side by side, with a y axis from 0. */
    static String bars(String title, List<String> categories, List<Series> series) {
        double max = series.stream().flatMap(s -> s.values().stream()).mapToDouble(Double::doubleValue).max()
                .orElse(0);
        double top = niceCeiling(max);
        var svg = open(title, describe(categories, series));
        int plotHeight = HEIGHT - TOP - BOTTOM;
        for (int i = 0; i <= 4; i++) {
            double value = top * i / 4;
            int y = TOP + plotHeight - (int) Math.round(plotHeight * i / 4.0);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#d5dcdf\"></line>",
                    LEFT, y, WIDTH - 8, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\" "
                    + "fill=\"#44555b\">%s</text>", LEFT - 6, y + 4, format(value)));
        }
        int slots = Math.max(categories.size(), 1);
        double slot = (WIDTH - LEFT - 8.0) / slots;
        double bar = Math.max(2, (slot - 8) / Math.max(series.size(), 1));
        for (int c = 0; c < categories.size(); c++) {
            double x0 = LEFT + c * slot + 4;
            for (int s = 0; s < series.size(); s++) {
                double value = series.get(s).values().get(c);
                double h = top == 0 ? 0 : plotHeight * value / top;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                        + "fill=\"%s\"><title>%s</title></rect>", x0 + s * bar, TOP + plotHeight - h, bar - 1, h,
                        series.get(s).colour(), escape(series.get(s).name() + ", " + categories.get(c) + ": "
                                + format(value))));
            }
            if (categories.size() <= 13 || c % 2 == 0) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" "
                        + "text-anchor=\"middle\" fill=\"#44555b\">%s</text>", x0 + slot / 2 - 4, HEIGHT - BOTTOM + 14,
                        escape(categories.get(c))));
            }
        }
        legend(svg, series);
        return svg.append("</svg>").toString();
    }

    /** One horizontal bar per label, as a percentage (100 % marked). */
    static String percentages(String title, List<String> labels, List<Integer> percents) {
        int rowHeight = 26;
        int height = TOP + rowHeight * Math.max(labels.size(), 1) + 12;
        var description = new StringBuilder();
        for (int i = 0; i < labels.size(); i++) {
            description.append(labels.get(i)).append(": ").append(percents.get(i)).append("%. ");
        }
        var svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" class=\"report-chart\"><title>%s</title><desc>%s</desc>",
                WIDTH, height, escape(title), escape(description.toString().strip())));
        int labelWidth = 180;
        int scale = WIDTH - labelWidth - 60;
        int full = labelWidth + scale * 100 / Math.max(100, percents.stream().mapToInt(Integer::intValue).max()
                .orElse(100));
        for (int i = 0; i < labels.size(); i++) {
            int y = TOP + i * rowHeight;
            int maxPercent = Math.max(100, percents.stream().mapToInt(Integer::intValue).max().orElse(100));
            double w = (double) scale * percents.get(i) / maxPercent;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\" "
                    + "fill=\"#1d2a2e\">%s</text>", labelWidth - 8, y + 15, escape(shorten(labels.get(i)))));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\" "
                    + "fill=\"#2f7f7a\"><title>%s</title></rect>", labelWidth, y + 2, w,
                    escape(labels.get(i) + ": " + percents.get(i) + "%")));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" fill=\"#1d2a2e\">%d%%"
                    + "</text>", labelWidth + w + 4, y + 15, percents.get(i)));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#8c1d18\" "
                + "stroke-dasharray=\"4 3\"></line>", full, TOP - 6, full, height - 8));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\" "
                + "fill=\"#8c1d18\">100%%</text>", full, TOP - 10));
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title, String description) {
        return new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" class=\"report-chart\"><title>%s</title><desc>%s</desc>",
                WIDTH, HEIGHT, escape(title), escape(description)));
    }

    private static void legend(StringBuilder svg, List<Series> series) {
        int x = LEFT;
        for (Series s : series) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"6\" width=\"12\" height=\"12\" fill=\"%s\"></rect>"
                    + "<text x=\"%d\" y=\"16\" font-size=\"11\" fill=\"#1d2a2e\">%s</text>", x, s.colour(), x + 16,
                    escape(s.name())));
            x += 24 + 7 * s.name().length();
        }
    }

    private static String describe(List<String> categories, List<Series> series) {
        var text = new StringBuilder();
        for (int c = 0; c < categories.size(); c++) {
            text.append(categories.get(c)).append(": ");
            for (int s = 0; s < series.size(); s++) {
                text.append(series.get(s).name()).append(' ').append(format(series.get(s).values().get(c)))
                        .append(s + 1 < series.size() ? ", " : ". ");
            }
        }
        return text.toString().strip();
    }

    static double niceCeiling(double max) {
        if (max <= 4) {
            return 4;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String shorten(String text) {
        return text.length() <= 26 ? text : text.substring(0, 25) + "…";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
