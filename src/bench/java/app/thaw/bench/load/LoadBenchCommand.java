package app.thaw.bench.load;

import app.thaw.bench.BenchCommand;
import app.thaw.bench.BenchOptions;

/** {@code -Dbench=load}: open-model HTTP load: 50 therapists paging the queue and opening cases over Vaadin UIDL. */
public class LoadBenchCommand implements BenchCommand {

    @Override
    public String name() {
        return "load";
    }

    @Override
    public String description() {
        return "open-model HTTP load: 50 therapists paging the queue and opening cases over Vaadin UIDL";
    }

    @Override
    public void run(BenchOptions options) throws Exception {
        LoadBench.main(options.asArguments());
    }
}
