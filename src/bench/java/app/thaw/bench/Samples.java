package app.thaw.bench;

import java.util.Arrays;

/** A growable array of nanosecond timings, cheap enough to fill from inside a measured loop. */
public final class Samples {

    private long[] values = new long[1024];
    private int size;

    public synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    public synchronized long[] toArray() {
        return Arrays.copyOf(values, size);
    }

    public synchronized int size() {
        return size;
    }

    public Stats stats(String name) {
        return Stats.ofNanos(name, toArray());
    }
}
