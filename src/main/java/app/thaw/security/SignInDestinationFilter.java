package app.thaw.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.servlet.filter.OrderedFilter;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import app.thaw.security.ui.VerifySecondFactorView;

/**
 * Opening a staff page before signing in is finished remembers it ({@link SignInDestination}); someone who has
 * typed their password but not yet their code is sent back to the code step rather than shown "We couldn't find
 * that page" (a staff address opened in a second tab). Only page loads count: Vaadin's own requests carry
 * {@code v-r}.
 */
@Component
// after the idle rule, so a page reloaded once the idle time has passed is remembered too; before Spring Security
@Order(OrderedFilter.REQUEST_WRAPPER_FILTER_MAX_ORDER - 103)
class SignInDestinationFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("GET".equals(request.getMethod()) && request.getParameter("v-r") == null) {
            var asked = SignInDestination.of(request);
            if (asked.isPresent()) {
                Object principal = SessionPrincipal.of(request.getSession(false));
                if (!(principal instanceof StaffUser)) {
                    request.getSession().setAttribute(SignInDestination.ATTRIBUTE, asked.get());
                }
                if (principal instanceof PendingSignIn) {
                    response.sendRedirect(request.getContextPath() + "/" + VerifySecondFactorView.ROUTE);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }
}
