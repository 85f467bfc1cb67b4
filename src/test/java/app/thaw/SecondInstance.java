package app.thaw;

import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second Thaw application server over the same PostgreSQL as the test JVM's shared context: the two-replica
 * deployment without Docker. Started once per test JVM on its own port and kept for every test that needs it.
 * It sits "behind a proxy" on this machine: forwarded headers from 127.0.0.1 count here, unlike on the first.
 */
public final class SecondInstance {

    /** The address this instance believes forwarded headers from (the first believes none). */
    public static final String TRUSTED_PROXY = "127.0.0.1";

    private static ConfigurableApplicationContext context;

    private SecondInstance() {
    }

    public static synchronized ConfigurableApplicationContext context() {
        if (context == null) {
            context = new SpringApplicationBuilder(Application.class)
                    .profiles("test")
                    .initializers(new TestDatabase.Initializer())
                    .properties(Map.of("spring.main.banner-mode", "off"))
                    // as command-line arguments, so they win over application.yml
                    .run("--server.port=0", "--thaw.proxy.trusted=" + TRUSTED_PROXY + ",::1",
                            "--spring.application.name=thaw-second");
            Runtime.getRuntime().addShutdownHook(new Thread(context::close));
        }
        return context;
    }

    public static int port() {
        return ((WebServerApplicationContext) context()).getWebServer().getPort();
    }

    public static <T> T bean(Class<T> type) {
        return context().getBean(type);
    }
}
