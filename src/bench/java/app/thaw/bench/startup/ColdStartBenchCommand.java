package app.thaw.bench.startup;

import app.thaw.bench.BenchCommand;
import app.thaw.bench.BenchOptions;

/** {@code -Dbench=startup}: cold start to first page and RSS of the production jar (build it first: ./mvnw -Pproduction package -DskipTests). */
public class ColdStartBenchCommand implements BenchCommand {

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public String description() {
        return "cold start to first page and RSS of the production jar (build it first: ./mvnw -Pproduction package -DskipTests)";
    }

    @Override
    public void run(BenchOptions options) throws Exception {
        ColdStartBench.main(options.asArguments());
    }
}
