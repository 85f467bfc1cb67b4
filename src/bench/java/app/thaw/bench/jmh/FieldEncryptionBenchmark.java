package app.thaw.bench.jmh;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import app.thaw.base.crypto.FieldCipher;
import app.thaw.base.crypto.EncryptedText;

/**
 * What encryption at rest (ADR 5) adds per free-text value: the JPA converter's write (AES-256-GCM, fresh IV) and
 * read (tag check, decrypt) for a short note and for a long answer at the form's limit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FieldEncryptionBenchmark {

    @Param({"120", "4000"})
    public int length;

    private EncryptedText converter;
    private String plain;
    private String stored;

    @Setup
    public void setUp() {
        var cipher = FieldCipher.of(Map.of("k1", FieldCipher.newKey()), "k1");
        converter = new EncryptedText(cipher, "case_note", "body", null) {
        };
        plain = "I can't cry anymore, even at my dad's funeral. ".repeat(length / 47 + 1).substring(0, length);
        stored = converter.convertToDatabaseColumn(plain);
    }

    @Benchmark
    public String encrypt() {
        return converter.convertToDatabaseColumn(plain);
    }

    @Benchmark
    public String decrypt() {
        return converter.convertToEntityAttribute(stored);
    }
}
