package app.thaw.caseaccess;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.util.ClassUtils;

import app.thaw.base.ids.AccessRequestId;
import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.MeasureRequestId;
import app.thaw.base.ids.OfferId;
import app.thaw.base.ids.RequestId;
import app.thaw.intake.VerifiedClient;

/**
 * Every public method of every Thaw bean that takes a case identifier: found by reflection over the running
 * application, never listed by hand, so a method added tomorrow is in the guard's net the day it is written.
 */
final class CasePaths {

    /**
     * The identifiers of a case, its partner, its sessions, requests and letters, by parameter or component name; a
     * plural name ("appointmentIds") is a collection of them.
     */
    static final Pattern IDENTIFIER = Pattern.compile(
            "(?i)(.*intakeid|.*appointmentid|.*requestid|.*sessionid|.*letterid|couplecaseid|reference|casereference"
                    + "|referenceoremail)s?");

    /** The value types that name a case or a part of it: by type, whatever the parameter is called. */
    static final Set<Class<?>> CASE_IDENTIFIER_TYPES = Set.of(IntakeId.class, AppointmentId.class, RequestId.class,
            CaseReference.class, OfferId.class, AccessRequestId.class, MeasureRequestId.class);

    /** The policy's own look-ups; only CaseAccess calls them (checked by an architecture rule). */
    private static final Set<Class<?>> POLICY_INTERNALS = Set.of(CaseDirectory.class, CaseRelations.class,
            SafetyGate.class);

    enum Kind {
        /** Declares its row of the policy table and applies it. */
        ACTS_ON_CASE,
        /** Takes the policy's grant instead of an identifier: unreachable around the policy. */
        TAKES_GRANT,
        /** The client's own path: a verified status link or the token itself names the case. */
        CLIENT_PATH,
        /** Reveals and changes nothing of the case, with the reason written on it. */
        EXEMPT,
        /** Takes an identifier and says nothing: the hole the guard exists to find. */
        UNGUARDED
    }

    record CasePath(String beanName, Class<?> type, Method method, Kind kind) {

        String describe() {
            return type.getSimpleName() + "." + method.getName()
                    + Arrays.stream(method.getParameters()).map(p -> p.getType().getSimpleName() + " " + p.getName())
                            .toList().toString().replace('[', '(').replace(']', ')');
        }

        ActsOnCase acts() {
            return method.getAnnotation(ActsOnCase.class);
        }
    }

    private CasePaths() {
    }

    static List<CasePath> find(ApplicationContext context) {
        List<CasePath> paths = new ArrayList<>();
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> beanType = context.getType(name);
            if (beanType == null) {
                continue;
            }
            Class<?> type = ClassUtils.getUserClass(beanType);
            // the policy itself, and repositories: internal to their feature, which Modulith and ArchUnit keep
            // out of views and of other features
            if (!type.getName().startsWith("app.thaw.") || type.getName().startsWith("app.thaw.bench")
                    || type.getPackageName().equals(CaseAccess.class.getPackageName())
                    || Repository.class.isAssignableFrom(type)) {
                continue;
            }
            paths.addAll(of(name, type));
        }
        paths.sort(Comparator.comparing(CasePath::describe));
        return paths;
    }

    /** The case paths of one class, as the guard sees them in a bean of that type. */
    static List<CasePath> of(String beanName, Class<?> type) {
        List<CasePath> paths = new ArrayList<>();
        for (Method method : type.getMethods()) {
            if (isCandidate(method) && takesIdentifier(method)) {
                paths.add(new CasePath(beanName, type, method, kind(method)));
            }
        }
        return paths;
    }

    private static boolean isCandidate(Method method) {
        return !Modifier.isStatic(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()
                && method.getDeclaringClass().getName().startsWith("app.thaw.")
                && !method.isAnnotationPresent(EventListener.class)
                && !method.isAnnotationPresent(TransactionalEventListener.class)
                && !implementsPolicyInternal(method);
    }

    private static boolean implementsPolicyInternal(Method method) {
        for (Class<?> spi : POLICY_INTERNALS) {
            if (spi.isAssignableFrom(method.getDeclaringClass())) {
                return Arrays.stream(spi.getMethods()).anyMatch(m -> m.getName().equals(method.getName()));
            }
        }
        return false;
    }

    static boolean takesIdentifier(Method method) {
        return Arrays.stream(method.getParameters()).anyMatch(CasePaths::isIdentifier);
    }

    static boolean isIdentifier(Parameter parameter) {
        Class<?> type = parameter.getType();
        if (CASE_IDENTIFIER_TYPES.contains(type)
                || isIdentifierType(type) && IDENTIFIER.matcher(parameter.getName()).matches()) {
            return true;
        }
        // a request record that carries an identifier inside (a booking names its client)
        return type.isRecord() && type.getName().startsWith("app.thaw.")
                && Arrays.stream(type.getRecordComponents()).anyMatch(CasePaths::isIdentifier);
    }

    private static boolean isIdentifier(RecordComponent component) {
        return CASE_IDENTIFIER_TYPES.contains(component.getType())
                || isIdentifierType(component.getType()) && IDENTIFIER.matcher(component.getName()).matches();
    }

    private static boolean isIdentifierType(Class<?> type) {
        return type == long.class || type == Long.class || type == String.class
                || Collection.class.isAssignableFrom(type);
    }

    static Kind kind(Method method) {
        if (method.isAnnotationPresent(ActsOnCase.class)) {
            return Kind.ACTS_ON_CASE;
        }
        if (method.isAnnotationPresent(NotACasePath.class)) {
            return Kind.EXEMPT;
        }
        List<Class<?>> types = Arrays.asList(method.getParameterTypes());
        if (types.contains(VerifiedClient.class)
                || Arrays.stream(method.getParameters()).anyMatch(p -> p.getName().equals("statusToken"))) {
            return Kind.CLIENT_PATH;
        }
        return types.contains(CaseGrant.class) ? Kind.TAKES_GRANT : Kind.UNGUARDED;
    }
}
