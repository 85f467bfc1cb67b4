package app.thaw.bench.load;

/** A benchmark setting from {@code --key=value} arguments or {@code -Dbench.key=value}, else its default. */
public record Options(String[] args) {

    public String get(String key, String fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + key + "=")) {
                return arg.substring(key.length() + 3);
            }
        }
        return System.getProperty("bench." + key, fallback);
    }

    /** "amira,tom" as given, or "therapist%03d:50" for therapist001 … therapist050 (the bench data's staff). */
    public java.util.List<String> users(String fallback) {
        String spec = get("users", fallback);
        if (spec.contains("%") && spec.contains(":")) {
            String pattern = spec.substring(0, spec.lastIndexOf(':'));
            int count = Integer.parseInt(spec.substring(spec.lastIndexOf(':') + 1));
            return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> String.format(pattern, i)).toList();
        }
        return java.util.List.of(spec.split(","));
    }

    public int integer(String key, int fallback) {
        return Integer.parseInt(get(key, Integer.toString(fallback)));
    }

    public double number(String key, double fallback) {
        return Double.parseDouble(get(key, Double.toString(fallback)));
    }
}
