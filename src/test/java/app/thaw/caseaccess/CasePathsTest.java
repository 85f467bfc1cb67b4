package app.thaw.caseaccess;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.ids.StaffId;

/** The guard finds a case path by its identifier's type, whatever the parameter is called. */
class CasePathsTest {

    /** What a careless service could look like. */
    static class Careless {

        public String peek(IntakeId whose) {
            return "answers of " + whose;
        }

        public void move(AppointmentId session) {
        }

        public String open(CaseReference ref) {
            return ref.value();
        }

        @ActsOnCase(CaseOperation.READ_CLINICAL)
        public String guarded(IntakeId intakeId) {
            return "checked " + intakeId;
        }

        public int caseload(StaffId therapist) {
            return 0;
        }
    }

    @Test
    void anUnguardedMethodTakingATypedCaseIdentifierIsFoundAndFailsTheGuard() throws Exception {
        var peek = Careless.class.getMethod("peek", IntakeId.class);
        assertThat(CasePaths.takesIdentifier(peek)).isTrue();
        assertThat(CasePaths.kind(peek)).isEqualTo(CasePaths.Kind.UNGUARDED);
        assertThat(CasePaths.kind(Careless.class.getMethod("move", AppointmentId.class)))
                .isEqualTo(CasePaths.Kind.UNGUARDED);
        assertThat(CasePaths.takesIdentifier(Careless.class.getMethod("open", CaseReference.class))).isTrue();
    }

    @Test
    void aGuardedOneNamesItsRowAndAStaffIdIsNoCaseIdentifier() throws Exception {
        assertThat(CasePaths.kind(Careless.class.getMethod("guarded", IntakeId.class)))
                .isEqualTo(CasePaths.Kind.ACTS_ON_CASE);
        assertThat(CasePaths.takesIdentifier(Careless.class.getMethod("caseload", StaffId.class))).isFalse();
    }
}
