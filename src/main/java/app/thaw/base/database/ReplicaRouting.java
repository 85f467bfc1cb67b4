package app.thaw.base.database;

import java.sql.Connection;

import javax.sql.DataSource;

import org.aopalliance.intercept.MethodInterceptor;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends the read-only transactions of {@link ReadsFromReplica} work to a read replica and everything else to the
 * primary. The choice is made when a statement first needs a connection ({@link LazyConnectionDataSourceProxy}),
 * by which time Spring has marked the transaction read-only; a transaction keeps the connection it started with.
 */
public final class ReplicaRouting {

    enum Target { PRIMARY, REPLICA }

    private static final ThreadLocal<Boolean> MARKED = ThreadLocal.withInitial(() -> false);

    private ReplicaRouting() {
    }

    /** The app's one DataSource over both pools; closing it closes them. */
    public static RoutedDataSource dataSource(DataSource primary, DataSource replica) {
        var routing = new Router();
        routing.setTargetDataSources(java.util.Map.of(Target.PRIMARY, primary, Target.REPLICA, replica));
        routing.setDefaultTargetDataSource(primary);
        routing.afterPropertiesSet();
        return new RoutedDataSource(routing, primary, replica);
    }

    /** Marks calls of {@link ReadsFromReplica} classes and methods for the router, for their duration. */
    public static Advisor advisor() {
        var pointcut = new ComposablePointcut(new AnnotationMatchingPointcut(ReadsFromReplica.class, true))
                .union(AnnotationMatchingPointcut.forMethodAnnotation(ReadsFromReplica.class));
        MethodInterceptor marking = invocation -> {
            boolean outer = MARKED.get();
            MARKED.set(true);
            try {
                return invocation.proceed();
            } finally {
                MARKED.set(outer);
            }
        };
        return new DefaultPointcutAdvisor(pointcut, marking);
    }

    static Target target() {
        return MARKED.get() && TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.isCurrentTransactionReadOnly() ? Target.REPLICA : Target.PRIMARY;
    }

    private static final class Router extends AbstractRoutingDataSource {
        @Override
        protected @Nullable Object determineCurrentLookupKey() {
            return target();
        }
    }

    /** Connections are taken lazily so the transaction's read-only flag is known; both pools close with it. */
    public static final class RoutedDataSource extends LazyConnectionDataSourceProxy implements AutoCloseable {

        private final DataSource primary;
        private final DataSource replica;

        RoutedDataSource(DataSource routing, DataSource primary, DataSource replica) {
            this.primary = primary;
            this.replica = replica;
            // known defaults, so no connection is taken just to learn them (and none from the replica at start)
            setDefaultAutoCommit(true);
            setDefaultTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            setTargetDataSource(routing);
            afterPropertiesSet();
        }

        @Override
        public void close() throws Exception {
            for (DataSource pool : java.util.List.of(replica, primary)) {
                if (pool instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            }
        }
    }
}
