package app.thaw.caseaccess;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.security.Roles;

/** Case paths written wrongly on purpose, never beans: what the guard must catch (CaseAccessGuardIT's self-test). */
final class UnguardedSamples {

    private UnguardedSamples() {
    }

    /** A new service method that takes an intake id and says nothing about the policy. */
    static final class ForgotTheRow {

        @RolesAllowed(Roles.THERAPIST)
        public String clientName(long intakeId) {
            return "anyone's name, for intake " + intakeId;
        }
    }

    /** A new service method that names its row of the table but reads the case without asking the policy. */
    static final class SkipsThePolicy {

        private final JdbcTemplate jdbc;

        SkipsThePolicy(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @ActsOnCase(CaseOperation.READ_BOOKING_DETAILS)
        @RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
        public String clientName(long intakeId) {
            return jdbc.queryForObject("select full_name from intake where id = ?", String.class, intakeId);
        }
    }
}
