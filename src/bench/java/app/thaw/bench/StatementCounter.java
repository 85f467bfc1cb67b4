package app.thaw.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements each thread prepares, JPA and JdbcTemplate alike, by wrapping the data source's
 * connections: "how many round trips does opening a case take" without reading SQL logs.
 */
public final class StatementCounter implements BeanPostProcessor {

    private static final Set<String> STATEMENTS = Set.of("prepareStatement", "prepareCall", "createStatement");
    private static final ThreadLocal<long[]> COUNT = ThreadLocal.withInitial(() -> new long[1]);
    private static final ThreadLocal<java.util.@org.jspecify.annotations.Nullable List<String>> SQL = new ThreadLocal<>();

    /** From now on this thread's statements are also kept as text (see {@link #stopRecording}). */
    public static void startRecording() {
        SQL.set(new java.util.ArrayList<>());
    }

    /** The text of each statement this thread prepared since {@link #startRecording}, in order. */
    public static java.util.List<String> stopRecording() {
        java.util.List<String> recorded = SQL.get();
        SQL.remove();
        return recorded == null ? java.util.List.of() : recorded;
    }

    /** Statements prepared on this thread since it started. */
    public static long onThisThread() {
        return COUNT.get()[0];
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof DataSource dataSource) || bean instanceof CountingDataSource) {
            return bean;
        }
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class,
                CountingDataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(dataSource, method, args);
                    return result instanceof Connection connection ? counting(connection) : result;
                });
    }

    private static Connection counting(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (STATEMENTS.contains(method.getName())) {
                COUNT.get()[0]++;
                java.util.List<String> recording = SQL.get();
                if (recording != null) {
                    recording.add(args != null && args.length > 0 && args[0] instanceof String sql ? sql
                            : method.getName());
                }
            }
            return invoke(connection, method, args);
        };
        return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Marks the wrapper, so it is not wrapped twice. */
    interface CountingDataSource {
    }
}
