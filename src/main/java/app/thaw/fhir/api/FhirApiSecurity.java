package app.thaw.fhir.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import ca.uhn.fhir.context.FhirContext;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

import app.thaw.fhir.ApiClients;
import app.thaw.security.Roles;

/**
 * The FHIR API's own security, ahead of the staff sign-in chain: stateless bearer tokens, no session, no CSRF (nothing
 * here changes state, and no browser cookie is read), answers as OperationOutcomes. The capability statement is open.
 */
@Configuration
class FhirApiSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain fhirApiFilterChain(HttpSecurity http, ApiClients clients, FhirContext fhir) throws Exception {
        http.securityMatcher(FhirController.BASE + "/**", "/fhir", "/fhir/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, FhirController.BASE + "/metadata").permitAll()
                        .anyRequest().hasRole(Roles.API_CLIENT))
                .addFilterBefore(new BearerTokenFilter(clients, fhir), AuthorizationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, failure) -> unauthorized(fhir, request, response,
                                null, "This API needs a bearer token: Authorization: Bearer thaw_…"))
                        .accessDeniedHandler((request, response, failure) -> write(fhir, request, response, 403,
                                Outcomes.error("forbidden", "This token may not do that."))))
                .headers(headers -> headers.frameOptions(frame -> frame.deny())
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    static void unauthorized(FhirContext fhir, HttpServletRequest request, HttpServletResponse response,
                             @Nullable String error, String message) throws IOException {
        response.setHeader("WWW-Authenticate", error == null ? "Bearer realm=\"thaw-fhir\""
                : "Bearer realm=\"thaw-fhir\", error=\"" + error + "\"");
        write(fhir, request, response, 401, Outcomes.error("login", message));
    }

    static void write(FhirContext fhir, HttpServletRequest request, HttpServletResponse response, int status,
                      org.hl7.fhir.r4.model.OperationOutcome outcome) throws IOException {
        FhirFormat format = FhirFormat.lenient(request);
        response.setStatus(status);
        response.setContentType(format.mediaType().toString());
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(format.encode(fhir, outcome).getBytes(StandardCharsets.UTF_8));
    }
}
