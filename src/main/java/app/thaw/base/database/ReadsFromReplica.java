package app.thaw.base.database;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This read-only work may see the practice as it was a few seconds ago: when a read replica is configured
 * ({@code thaw.datasource.replica.url}), its {@code @Transactional(readOnly = true)} transactions run there. Never
 * on anything a person reads right after their own change (the case view, the queue, the diary): they must see it.
 * Transactions that write, and read-only ones of unmarked classes, stay on the primary (docs/scaling.md, ADR 21).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ReadsFromReplica {
}
