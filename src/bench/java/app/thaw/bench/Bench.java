package app.thaw.bench;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/** Entry point of {@code ./mvnw -Pbench -Dbench=<name> [-Dbench.args="--key=value …"]}. */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String name = args.length == 0 ? "list" : args[0];
        BenchOptions options = BenchOptions.parse(name, Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
        List<BenchCommand> commands = discover();
        if (name.equals("list")) {
            System.out.println("Benchmarks (./mvnw -Pbench -Dbench=<name> [-Dbench.args=\"--key=value\"]):");
            commands.forEach(c -> System.out.printf("  %-10s %s%n", c.name(), c.description()));
            return;
        }
        BenchCommand command = commands.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No benchmark named '" + name + "'; -Dbench=list names them"));
        command.run(options);
        // Spring's and JMH's non-daemon threads must not keep the JVM (and Maven) waiting
        System.exit(0);
    }

    static List<BenchCommand> discover() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(BenchCommand.class));
        return scanner.findCandidateComponents("app.thaw.bench").stream()
                .map(definition -> instantiate(Objects.requireNonNull(definition.getBeanClassName())))
                .sorted(Comparator.comparing(BenchCommand::name))
                .toList();
    }

    private static BenchCommand instantiate(String className) {
        try {
            return (BenchCommand) Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create benchmark " + className, e);
        }
    }
}
