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
            // each context installs its own security-context holder strategy in the JVM-wide SecurityContextHolder:
            // the shared context's stays the JVM's, the second one's is reached through its bean (see as())
            var shared = org.springframework.security.core.context.SecurityContextHolder.getContextHolderStrategy();
            try {
                context = new SpringApplicationBuilder(Application.class)
                        .profiles("test")
                        .initializers(new TestDatabase.Initializer())
                        .properties(Map.of("spring.main.banner-mode", "off"))
                        // as command-line arguments, so they win over application.yml
                        .run("--server.port=0", "--thaw.proxy.trusted=" + TRUSTED_PROXY + ",::1",
                                "--spring.application.name=thaw-second");
            } finally {
                org.springframework.security.core.context.SecurityContextHolder.setContextHolderStrategy(shared);
            }
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

    /** Runs work on this thread against the second instance's beans, signed in with the given authentication. */
    public static <T> T as(org.springframework.security.core.Authentication authentication,
                           java.util.function.Supplier<T> work) {
        // method security reads the instance's own strategy; code reading SecurityContextHolder reads the JVM's
        var strategy = bean(org.springframework.security.core.context.SecurityContextHolderStrategy.class);
        var jvm = org.springframework.security.core.context.SecurityContextHolder.getContextHolderStrategy();
        var previous = strategy.getContext();
        var previousJvm = jvm.getContext();
        var signedIn = strategy.createEmptyContext();
        signedIn.setAuthentication(authentication);
        strategy.setContext(signedIn);
        jvm.setContext(signedIn);
        try {
            return work.get();
        } finally {
            strategy.setContext(previous);
            jvm.setContext(previousJvm);
        }
    }

    /** The second instance's work under the SYSTEM identity, as its scheduled jobs run. */
    public static <T> T asSystem(java.util.function.Supplier<T> work) {
        return as(org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                app.thaw.security.SystemActor.NAME, null, java.util.List.of(
                        new org.springframework.security.core.authority.SimpleGrantedAuthority(
                                "ROLE_" + app.thaw.security.Roles.SYSTEM))), work);
    }

    /** The second instance's work signed in as a staff member. */
    public static <T> T asStaff(String username, java.util.function.Supplier<T> work) {
        var user = bean(org.springframework.security.core.userdetails.UserDetailsService.class)
                .loadUserByUsername(username);
        return as(org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                user, null, user.getAuthorities()), work);
    }
}
