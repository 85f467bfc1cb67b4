package app.thaw.fhir.api;

import java.io.IOException;
import java.util.Optional;

import ca.uhn.fhir.context.FhirContext;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import app.thaw.fhir.ApiClients;

/**
 * Signs an API request in as the client its bearer token belongs to, for this request only (no session). A token
 * that is not ours, revoked or expired is answered 401 at once; no token falls through to the chain's 401.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiClients clients;
    private final FhirContext fhir;

    BearerTokenFilter(ApiClients clients, FhirContext fhir) {
        this.clients = clients;
        this.fhir = fhir;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Authentication> client = clients.authenticate(header.substring(BEARER.length()).strip());
        if (client.isEmpty()) {
            FhirApiSecurity.unauthorized(fhir, request, response, "invalid_token",
                    "This token is not valid: it may have been revoked or have expired.");
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(client.get());
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
