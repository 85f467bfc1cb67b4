package app.thaw.bench.browser;

import app.thaw.bench.BenchCommand;
import app.thaw.bench.BenchOptions;

/** {@code -Dbench=browser}: what a therapist waits for in Chromium, production jar (issue 20, point 8). */
public class BrowserBenchCommand implements BenchCommand {

    @Override
    public String name() {
        return "browser";
    }

    @Override
    public String description() {
        return "what a therapist waits for in Chromium (production jar): staff page, case open, book, move, cancel";
    }

    @Override
    public void run(BenchOptions options) throws Exception {
        new BrowserBench(options).run();
    }
}
