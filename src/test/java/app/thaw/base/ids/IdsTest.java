package app.thaw.base.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A URL value becomes an id or nothing ("not found"), never an exception; a made id is always plausible. */
class IdsTest {

    @Test
    void aUrlValueIsAnIdOnlyWhenItIsAPositiveNumber() {
        assertThat(IntakeId.parse("42")).contains(IntakeId.of(42));
        assertThat(StaffId.parse(" 7 ")).contains(StaffId.of(7));
        for (String odd : new String[] {null, "", " ", "0", "-3", "abc", "4.2", "99999999999999999999", "1e3"}) {
            assertThat(IntakeId.parse(odd)).as(String.valueOf(odd)).isEmpty();
            assertThat(AppointmentId.parse(odd)).as(String.valueOf(odd)).isEmpty();
        }
    }

    @Test
    void anIdIsNeverZeroOrNegativeAndReadsAsItsNumber() {
        assertThatThrownBy(() -> IntakeId.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StaffId.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat("case/" + IntakeId.of(12)).isEqualTo("case/12");
        assertThat(StaffId.ofNullable(null)).isNull();
        assertThat(StaffId.numberOf(StaffId.of(3))).isEqualTo(3L);
        assertThat(IntakeId.of(5)).isNotEqualTo(StaffId.of(5));
    }

    @Test
    void aReferenceIsThwAndSixCharactersTheClientCanReadOut() {
        assertThat(CaseReference.parse("THW-7K3M9Q")).map(CaseReference::value).contains("THW-7K3M9Q");
        assertThat(CaseReference.typed(" thw7k3m9q ")).map(CaseReference::value).contains("THW-7K3M9Q");
        for (String odd : new String[] {null, "", "THW-7K3M9", "THW-7K3M9QQ", "thw-7k3m9q", "THW-NOSUCH", "ABC-123456",
                "THW-7K3M9Q'--"}) {
            assertThat(CaseReference.parse(odd)).as(String.valueOf(odd)).isEmpty();
        }
        assertThatThrownBy(() -> CaseReference.of("THW-ILOU00")).isInstanceOf(IllegalArgumentException.class);
    }
}
