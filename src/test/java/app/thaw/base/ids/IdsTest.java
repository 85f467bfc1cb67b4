package app.thaw.base.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;

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

    /** The ids of the second pass: subject access, API clients, held times, measures, outbox, the diary's set-up. */
    @Test
    void everyIdTypeRefusesANonPositiveNumberAndParsesOnlyAPositiveOne() {
        List<Function<Long, Object>> makers = List.of(AccessRequestId::of, ApiClientId::of, HeldSlotId::of,
                MeasureRequestId::of, OutboxMessageId::of, RoomId::of, SessionTypeId::of, WorkingHoursId::of,
                ExtraHoursId::of, TimeAwayId::of);
        for (Function<Long, Object> make : makers) {
            assertThatThrownBy(() -> make.apply(0L)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> make.apply(-4L)).isInstanceOf(IllegalArgumentException.class);
            assertThat(make.apply(9L)).hasToString("9");
        }
        assertThat(AccessRequestId.parse("12")).contains(AccessRequestId.of(12));
        assertThat(RoomId.parse("0")).isEmpty();
        assertThat(TimeAwayId.parse("x")).isEmpty();
        assertThat(RoomId.numberOf(null)).isNull();
        assertThat(RoomId.of(3)).isNotEqualTo(SessionTypeId.of(3));
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
