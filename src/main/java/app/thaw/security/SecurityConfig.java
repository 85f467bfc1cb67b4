package app.thaw.security;

import java.time.Clock;
import java.util.Map;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import jakarta.servlet.DispatcherType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer.AuthorizedUrl;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;

import app.thaw.security.ui.LoginView;
import app.thaw.security.ui.VerifySecondFactorView;

/** Staff sign in through the login view; client pages are public by their own annotations. */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfig {

    /** OWASP's Argon2id minimum: 19 MiB memory, 2 iterations, 1 lane. */
    static final int ARGON2_MEMORY_KIB = 19 * 1024;
    static final int ARGON2_ITERATIONS = 2;

    /** Replaces Vaadin's own (it steps aside for this bean) so that work run as the system is seen as the system. */
    @Bean
    org.springframework.security.core.context.SecurityContextHolderStrategy securityContextHolderStrategy() {
        return new SystemAwareContextStrategy();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, RequestUtil routes) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                // a refusal renders the calm error page, not an empty 403 the browser words as "access denied"
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/icons/**", "/styles/**", "/csp/**", "/offline.html").permitAll()
                // therapists' calendar apps fetch their feed by its secret link, without a session
                .requestMatchers(HttpMethod.GET, "/calendar/*.ics").permitAll()
                .requestMatchers(new MistypedPublicAddress(routes)).permitAll());
        // every response's headers (CSP, framing, referrer, no-store) come from the edge, errors included
        http.headers(headers -> headers.disable());
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                        // a mistyped address of a signed-in person reaches the router's "couldn't find that page";
                        // every route still decides access by its own annotation
                        .anyRequest(AuthorizedUrl::authenticated)
                        .loginView(LoginView.class, "/login?signed-out")
                        // a right password always leads to the second step, never straight to a staff page
                        .defaultSuccessUrl("/" + VerifySecondFactorView.ROUTE, true))
                .build();
    }

    /**
     * Requests and sign-ins stay observed (metrics, traces); each authorization decision does not: every service call
     * checks its @RolesAllowed, and wrapping each in an observation cost ~10 % of a booking's CPU (issue 20).
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.withDefaults().shouldObserveAuthorizations(false).build();
    }

    @Bean
    AuthenticationProvider staffAuthentication(UserDetailsService users, PasswordEncoder encoder,
                                               SignInAttempts attempts, Clock clock) {
        return new ThrottledAuthenticationProvider(users, encoder, attempts, clock);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        var argon2 = new Argon2PasswordEncoder(16, 32, 1, ARGON2_MEMORY_KIB, ARGON2_ITERATIONS);
        return new NormalisingPasswordEncoder(new DelegatingPasswordEncoder("argon2id", Map.of("argon2id", argon2)));
    }
}
