package app.thaw.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Cost of one staff sign-in's password check: Argon2id with the app's parameters (SecurityConfig: 19 MiB,
 * 2 iterations, 1 lane, 16-byte salt, 32-byte hash). Repeated here because SecurityConfig keeps them package-private.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PasswordHashingBenchmark {

    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    private String hash;

    @Setup
    public void setUp() {
        hash = encoder.encode("calm-river-2026");
    }

    @Benchmark
    public boolean argon2idVerify() {
        return encoder.matches("calm-river-2026", hash);
    }
}
