package app.thaw.bench.jmh;

import java.util.Collection;
import java.util.Locale;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

import app.thaw.bench.BenchCommand;
import app.thaw.bench.BenchOptions;
import app.thaw.bench.Machine;
import app.thaw.bench.PerformanceDoc;

/**
 * {@code -Dbench=jmh}: the JMH benchmarks of pure code (sample time, so min / median / p95 / max per call).
 * {@code --include=IntakeBenchmarks.scoring} narrows them; {@code --forks}, {@code --iterations} override.
 */
public class JmhCommand implements BenchCommand {

    @Override
    public String name() {
        return "jmh";
    }

    @Override
    public String description() {
        return "JMH: scoring, factor rules, validation, field encryption, Argon2id [--include=regex --forks=1 --iterations=5]";
    }

    @Override
    public void run(BenchOptions options) throws Exception {
        var builder = new OptionsBuilder()
                .include("app\\.thaw\\.bench\\.jmh\\..*" + options.string("include", ""))
                .shouldFailOnError(true);
        if (options.string("forks", null) != null) {
            builder.forks(options.integer("forks", 1));
        }
        if (options.string("iterations", null) != null) {
            builder.measurementIterations(options.integer("iterations", 5));
        }
        Collection<RunResult> results = new Runner(builder.build()).run();
        var table = new StringBuilder("| benchmark | unit | samples | min | median | p95 | max |\n"
                + "|---|---|---:|---:|---:|---:|---:|\n");
        for (RunResult result : results) {
            var primary = result.getPrimaryResult();
            Statistics stats = primary.getStatistics();
            var params = result.getParams();
            String name = params.getBenchmark().replace("app.thaw.bench.jmh.", "")
                    + params.getParamsKeys().stream().map(key -> " " + key + "=" + params.getParam(key))
                            .collect(java.util.stream.Collectors.joining());
            table.append(String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %.3f | %.3f |%n", name,
                    primary.getScoreUnit(), stats.getN(), stats.getMin(), stats.getPercentile(50),
                    stats.getPercentile(95), stats.getMax()));
        }
        System.out.println(table);
        PerformanceDoc.write("jmh", options, Machine.describe("not used"), table.toString());
    }
}
