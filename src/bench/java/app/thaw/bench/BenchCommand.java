package app.thaw.bench;

/**
 * One benchmark (or the generator), found by {@link Bench} anywhere under {@code app.thaw.bench}: a public class
 * with a no-argument constructor. Adding one needs no registry edit.
 */
public interface BenchCommand {

    /** The value of {@code -Dbench=…} that runs it. */
    String name();

    /** One line for {@code -Dbench=list}. */
    String description();

    void run(BenchOptions options) throws Exception;
}
