package app.thaw.base;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * A bean that may be absent (no mail server configured, a feature left out of a module test) or belongs to a feature
 * that needs this one back, looked up on first use and then kept: the beans do not change once the application runs,
 * and Spring's look-up on every call was a visible share of a booking's Java time.
 */
public final class OptionalBean<T> {

    private record Found<T>(@Nullable T bean) {
    }

    private final ObjectProvider<T> provider;
    private volatile @Nullable Found<T> found;

    public OptionalBean(ObjectProvider<T> provider) {
        this.provider = provider;
    }

    public @Nullable T get() {
        Found<T> known = found;
        if (known == null) {
            known = new Found<>(provider.getIfAvailable());
            found = known;
        }
        return known.bean();
    }
}
