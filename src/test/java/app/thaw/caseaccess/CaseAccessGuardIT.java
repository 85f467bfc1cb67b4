package app.thaw.caseaccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import app.thaw.IntegrationTest;
import app.thaw.intake.ClientStatusService;
import app.thaw.intake.IntakeService;
import app.thaw.review.CaseAssignments;
import app.thaw.review.ReviewTestData;
import app.thaw.scheduling.SchedulingService;
import app.thaw.security.Roles;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffUser;

/**
 * The guard of the case-access policy. It finds every public method of every bean that takes a case, intake, partner,
 * session or request identifier (CasePaths, by reflection) and calls each one as the case's therapist, a colleague, the
 * practice manager and someone not signed in. What happens must follow the policy table (CaseOperation): allowed where
 * the table and the method's role allow it, refused and audited everywhere else, and a refusal never shows the
 * client's name (and as another system holding an API token with every scope, which only the FHIR API's row allows). A
 * method that takes an identifier without naming its row fails the first test; one that names a row
 * but forgets to ask the policy fails the second, because the colleague's call then goes through unaudited.
 */
@IntegrationTest
class CaseAccessGuardIT {

    enum Caller { COLLEAGUE, NOT_SIGNED_IN, THERAPIST, MANAGER, API_CLIENT }

    @Autowired
    ApplicationContext context;

    @Autowired
    IntakeService intake;


    @Autowired

    ClientStatusService clientStatus;

    @Autowired
    StaffAccountService staff;

    @Autowired
    CaseAssignments assignments;

    @Autowired
    SchedulingService scheduling;

    @Autowired
    JdbcTemplate jdbc;

    ReviewTestData data;

    @BeforeEach
    void setUp() {
        data = new ReviewTestData(intake, staff, jdbc);
    }

    @Test
    void everyMethodThatTakesACaseIdentifierIsGuardedOrSaysWhyNot() {
        List<CasePaths.CasePath> paths = CasePaths.find(context);
        Map<CasePaths.Kind, List<String>> byKind = new EnumMap<>(CasePaths.Kind.class);
        paths.forEach(path -> byKind.computeIfAbsent(path.kind(), kind -> new ArrayList<>()).add(path.describe()
                + (path.kind() == CasePaths.Kind.EXEMPT ? " — " + path.method().getAnnotation(NotACasePath.class)
                        .value() : "")));
        byKind.forEach((kind, found) -> System.out.println("[case-access guard] " + kind + ":\n  "
                + String.join("\n  ", found)));

        assertThat(byKind.getOrDefault(CasePaths.Kind.UNGUARDED, List.of()))
                .as("methods that take a case identifier but name no row of the policy table: apply the policy "
                        + "(CaseAccess) and annotate them with @ActsOnCase, take a CaseGrant instead, or mark them "
                        + "@NotACasePath with the reason")
                .isEmpty();
        assertThat(byKind.get(CasePaths.Kind.ACTS_ON_CASE)).hasSizeGreaterThan(20);
    }

    @TestFactory
    Stream<DynamicTest> everyCasePathFollowsThePolicyTable() {
        return CasePaths.find(context).stream()
                .filter(path -> path.kind() == CasePaths.Kind.ACTS_ON_CASE)
                .map(path -> DynamicTest.dynamicTest(path.describe(), () -> check(path)));
    }

    private void check(CasePaths.CasePath path) {
        check(path, context.getBean(path.beanName()));
    }

    private void check(CasePaths.CasePath path, Object bean) {
        GuardFixture fixture = GuardFixture.create(data, clientStatus, assignments, scheduling, jdbc);
        var samples = new GuardSamples(fixture, jdbc, data.idOf(GuardFixture.THERAPIST),
                data.idOf(GuardFixture.COLLEAGUE));
        CaseOperation operation = path.acts().value();
        var report = new StringBuilder();
        for (Caller caller : Caller.values()) {
            long before = lastAuditId();
            Outcome outcome = call(bean, path, caller, samples.arguments(path.method()));
            boolean refused = refusalRecorded(before, fixture, path.method());
            boolean expected = mayCall(path.method(), caller) && tableAllows(operation, caller);
            report.append(caller).append(expected ? " allowed" : " refused").append(", ");
            String call = path.describe() + " as " + caller + " (" + operation + ")";
            if (expected) {
                assertThat(refused).as(call + " is allowed by the policy table but was refused: " + outcome).isFalse();
                if (outcome.thrown() != null) {
                    assertThat(outcome.thrown()).as(call + " is allowed but threw an access refusal")
                            .isNotInstanceOfAny(CaseNotFound.class, AccessDeniedException.class,
                                    AuthenticationException.class);
                }
            } else {
                assertThat(refused).as(call + " must be refused and the refusal audited; it returned " + outcome)
                        .isTrue();
                assertThat(outcome.toString()).as(call + " was refused but shows the client").doesNotContain(
                        fixture.clientName());
            }
        }
        System.out.println("[case-access guard] " + path.describe() + ": " + report);
    }

    /** What a call returned or threw, for the assertions and their messages. */
    private record Outcome(Object result, Throwable thrown) {

        @Override
        public String toString() {
            return thrown != null ? thrown.getClass().getSimpleName() + ": " + thrown.getMessage()
                    : String.valueOf(result);
        }
    }

    private Outcome call(CasePaths.CasePath path, Caller caller, Object[] arguments) {
        return call(context.getBean(path.beanName()), path, caller, arguments);
    }

    private Outcome call(Object bean, CasePaths.CasePath path, Caller caller, Object[] arguments) {
        Method method;
        try {
            method = bean.getClass().getMethod(path.method().getName(), path.method().getParameterTypes());
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
        method.setAccessible(true);
        var previous = SecurityContextHolder.getContext();
        var signedIn = SecurityContextHolder.createEmptyContext();
        signedIn.setAuthentication(switch (caller) {
            case NOT_SIGNED_IN -> new AnonymousAuthenticationToken("guard", "anonymousUser",
                    AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
            case THERAPIST -> staffToken(GuardFixture.THERAPIST);
            case COLLEAGUE -> staffToken(GuardFixture.COLLEAGUE);
            case MANAGER -> staffToken(GuardFixture.MANAGER);
            // another system through the FHIR API, with every scope: only the policy and the method's role limit it
            case API_CLIENT -> UsernamePasswordAuthenticationToken.authenticated("API client «guard» #0", null,
                    AuthorityUtils.createAuthorityList("ROLE_" + Roles.API_CLIENT, "SCOPE_system/*.read"));
        });
        SecurityContextHolder.setContext(signedIn);
        try {
            return new Outcome(method.invoke(bean, arguments), null);
        } catch (InvocationTargetException e) {
            return new Outcome(null, e.getCause());
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private UsernamePasswordAuthenticationToken staffToken(String username) {
        StaffUser user = data.user(username);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    /** The method's own role rule: who may call it at all, before the policy looks at the case. */
    static boolean mayCall(Method method, Caller caller) {
        if (method.isAnnotationPresent(PermitAll.class)) {
            return true;
        }
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
        if (roles == null) {
            roles = method.getDeclaringClass().getAnnotation(RolesAllowed.class);
        }
        if (roles == null) {
            return true;
        }
        Set<String> allowed = Set.of(roles.value());
        return switch (caller) {
            case THERAPIST, COLLEAGUE -> allowed.contains(Roles.THERAPIST);
            case MANAGER -> allowed.contains(Roles.ADMIN);
            case API_CLIENT -> allowed.contains(Roles.API_CLIENT);
            case NOT_SIGNED_IN -> false;
        };
    }

    /** The policy table's answer for this caller: Amira is the case's assigned therapist and has a session with it. */
    static boolean tableAllows(CaseOperation operation, Caller caller) {
        return switch (caller) {
            case THERAPIST -> operation.allows(CaseRelation.ASSIGNED) || operation.allows(CaseRelation.BOOKED);
            case MANAGER -> operation.allows(CaseRelation.PRACTICE_MANAGER);
            case API_CLIENT -> operation.allows(CaseRelation.API_CLIENT);
            case COLLEAGUE, NOT_SIGNED_IN -> false;
        };
    }

    private long lastAuditId() {
        Long last = jdbc.queryForObject("select max(id) from audit_entry", Long.class);
        return last == null ? 0 : last;
    }

    /** A refusal since {@code after} naming this case (or, refused by role without an identifier, this method). */
    private boolean refusalRecorded(long after, GuardFixture fixture, Method method) {
        Integer count = jdbc.queryForObject("""
                select count(*) from audit_entry
                 where id > ? and action in ('CASE_ACCESS_DENIED', 'ACCESS_DENIED')
                   and (intake_id in (?, ?) or case_reference = ? or detail like ?)""", Integer.class,
                after, fixture.intakeId(), fixture.partnerIntakeId(), fixture.reference(), "%." + method.getName());
        return count != null && count > 0;
    }

    /**
     * The client's own paths (a status link, or a VerifiedClient made from one) reach only that client's sessions: with
     * another client's link, the fixture's session is neither shown nor changed.
     */
    @TestFactory
    Stream<DynamicTest> clientPathsReachOnlyTheirOwnCase() {
        return CasePaths.find(context).stream()
                .filter(path -> path.kind() == CasePaths.Kind.CLIENT_PATH)
                .map(path -> DynamicTest.dynamicTest(path.describe(), () -> checkClientPath(path)));
    }

    private void checkClientPath(CasePaths.CasePath path) throws Exception {
        GuardFixture fixture = GuardFixture.create(data, clientStatus, assignments, scheduling, jdbc);
        var stranger = data.submit(app.thaw.intake.IntakeFixtures.completeAnswers(ReviewTestData.uniqueWord()
                + " Stranger"));
        var constructor = app.thaw.intake.VerifiedClient.class.getDeclaredConstructor(long.class);
        constructor.setAccessible(true);
        Object strangerVerified = constructor.newInstance(stranger.id());
        var samples = new GuardSamples(fixture, jdbc, data.idOf(GuardFixture.THERAPIST),
                data.idOf(GuardFixture.COLLEAGUE));
        java.lang.reflect.Parameter[] parameters = path.method().getParameters();
        Object[] arguments = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].getType() == app.thaw.intake.VerifiedClient.class) {
                arguments[i] = strangerVerified;
            } else if (parameters[i].getName().equals("statusToken")) {
                arguments[i] = stranger.receipt().statusToken();
            } else {
                arguments[i] = samples.argumentFor(parameters[i], path.method());
            }
        }
        int requestsBefore = requestsOn(fixture);
        Outcome outcome = call(path, Caller.NOT_SIGNED_IN, arguments);
        assertThat(outcome.toString()).as(path.describe() + " with another client's link shows this client's "
                + "session").doesNotContain(String.valueOf(fixture.appointmentId())).doesNotContain(fixture.reference());
        assertThat(requestsOn(fixture)).as(path.describe() + " with another client's link changed this client's "
                + "session").isEqualTo(requestsBefore);
        assertThat(jdbc.queryForObject("select state from appointment where id = ?", String.class,
                fixture.appointmentId())).isEqualTo("BOOKED");
    }

    private int requestsOn(GuardFixture fixture) {
        return jdbc.queryForObject("select count(*) from appointment_request where appointment_id = ?", Integer.class,
                fixture.appointmentId());
    }

    /**
     * The guard guards itself: a method added without naming its row of the policy table is caught by the first test,
     * and one that names a row but never asks the policy is caught by the second, because a colleague's call then goes
     * through unaudited and shows the client.
     */
    @Test
    void theGuardFailsOnAMethodThatSkipsThePolicy() {
        assertThat(CasePaths.of("forgotten", UnguardedSamples.ForgotTheRow.class)).singleElement()
                .satisfies(path -> assertThat(path.kind()).isEqualTo(CasePaths.Kind.UNGUARDED));

        var skipping = CasePaths.of("skipping", UnguardedSamples.SkipsThePolicy.class);
        assertThat(skipping).singleElement()
                .satisfies(path -> assertThat(path.kind()).isEqualTo(CasePaths.Kind.ACTS_ON_CASE));
        assertThatThrownBy(() -> check(skipping.getFirst(), new UnguardedSamples.SkipsThePolicy(jdbc)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("as COLLEAGUE").hasMessageContaining("must be refused and the refusal audited");
    }

    @Test
    void grantsAreMadeOnlyByThePolicy() {
        assertThat(Arrays.stream(CaseGrant.class.getDeclaredConstructors())
                .filter(constructor -> java.lang.reflect.Modifier.isPublic(constructor.getModifiers()))
                .map(Object::toString).collect(Collectors.toList())).isEmpty();
        assertThat(java.lang.reflect.Modifier.isFinal(CaseGrant.class.getModifiers())).isTrue();
    }
}
