package app.thaw.bench.memory;

import app.thaw.bench.BenchCommand;
import app.thaw.bench.BenchOptions;

/** {@code -Dbench=memory}: live heap per signed-in Vaadin session (50/100/200 therapists on the queue). */
public class SessionMemoryBenchCommand implements BenchCommand {

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public String description() {
        return "live heap per signed-in Vaadin session (50/100/200 therapists on the queue)";
    }

    @Override
    public void run(BenchOptions options) throws Exception {
        SessionMemoryBench.main(options.asArguments());
    }
}
