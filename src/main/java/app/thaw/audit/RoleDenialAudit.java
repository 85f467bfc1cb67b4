package app.thaw.audit;

import java.lang.reflect.Parameter;
import java.util.Locale;
import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;

import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.IntakeId;

/**
 * A service method refused by role (a therapist calling a manager's method, a caller not signed in) is an attempt
 * like a refused case, so it goes in the log with the case it named. Refused web pages are not: asking for a staff
 * page without signing in leads to the sign-in page, and bots would fill the log.
 */
@Configuration
class RoleDenialAudit {

    private final AuditLog auditLog;

    RoleDenialAudit(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @Bean
    static AuthorizationEventPublisher methodDenialPublisher(ApplicationEventPublisher events) {
        var spring = new SpringAuthorizationEventPublisher(events);
        return new AuthorizationEventPublisher() {
            @Override
            public <T> void publishAuthorizationEvent(Supplier<Authentication> authentication, T object,
                                                      @Nullable AuthorizationResult result) {
                if (object instanceof MethodInvocation) {
                    spring.publishAuthorizationEvent(authentication, object, result);
                }
            }
        };
    }

    @EventListener
    public void on(AuthorizationDeniedEvent<?> denied) {
        if (!(denied.getSource() instanceof MethodInvocation invocation)) {
            return;
        }
        Long intakeId = null;
        String reference = null;
        Parameter[] parameters = invocation.getMethod().getParameters();
        Object[] arguments = invocation.getArguments();
        for (int i = 0; i < parameters.length && i < arguments.length; i++) {
            String name = parameters[i].getName().toLowerCase(Locale.ROOT);
            if (arguments[i] instanceof IntakeId id && intakeId == null) {
                intakeId = id.value();
            } else if (arguments[i] instanceof Long id && name.equals("intakeid")) {
                intakeId = id;
            } else if (arguments[i] instanceof CaseReference typed) {
                reference = typed.value();
            } else if (arguments[i] instanceof String text && name.contains("reference")) {
                reference = CaseReference.parse(text.strip().toUpperCase(Locale.ROOT)).map(CaseReference::value)
                        .orElse(reference);
            }
        }
        auditLog.recordDeniedAccess(AuditAction.ACCESS_DENIED, intakeId, reference,
                "Not allowed for this role: " + invocation.getMethod().getDeclaringClass().getSimpleName() + "."
                        + invocation.getMethod().getName());
    }
}
