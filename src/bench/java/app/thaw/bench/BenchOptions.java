package app.thaw.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --key=value} arguments from {@code -Dbench.args}; every key has a default in the benchmark. */
public final class BenchOptions {

    private final String benchName;
    private final Map<String, String> values;
    private final List<String> positional;

    private BenchOptions(String benchName, Map<String, String> values, List<String> positional) {
        this.benchName = benchName;
        this.values = values;
        this.positional = positional;
    }

    static BenchOptions parse(String benchName, String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> positional = new java.util.ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                values.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
            } else if (!arg.isBlank()) {
                positional.add(arg);
            }
        }
        return new BenchOptions(benchName, values, List.copyOf(positional));
    }

    public static BenchOptions of(String benchName, String... args) {
        return parse(benchName, args);
    }

    /** The options as {@code --key=value} arguments, also set as {@code bench.key} system properties, for mains that read either. */
    public String[] asArguments() {
        values.forEach((key, value) -> System.setProperty("bench." + key, value));
        return values.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    public String string(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    public int integer(String key, int fallback) {
        return values.containsKey(key) ? Integer.parseInt(values.get(key).replace("_", "")) : fallback;
    }

    public long number(String key, long fallback) {
        return values.containsKey(key) ? Long.parseLong(values.get(key).replace("_", "")) : fallback;
    }

    public boolean flag(String key) {
        return Boolean.parseBoolean(values.getOrDefault(key, "false"));
    }

    /** "30s", "2m" or an ISO duration. */
    public Duration duration(String key, Duration fallback) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        return value.startsWith("P") ? Duration.parse(value) : Duration.parse("PT" + value.toUpperCase(java.util.Locale.ROOT));
    }

    public List<String> positional() {
        return positional;
    }

    /** The command that reproduces this run, for docs/performance.md. */
    public String command() {
        var command = new StringBuilder("./mvnw -Pbench -Dbench=").append(benchName);
        List<String> args = new java.util.ArrayList<>(positional);
        values.forEach((k, v) -> args.add("true".equals(v) ? "--" + k : "--" + k + "=" + v));
        if (!args.isEmpty()) {
            command.append(" -Dbench.args=\"").append(String.join(" ", args)).append('"');
        }
        return command.toString();
    }
}
