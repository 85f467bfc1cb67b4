package app.thaw.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

/** Every date and time people read is London's, in UK English, whatever zone the value arrived in. */
class PracticeTimeTest {

    @Test
    void instantsAreWrittenInLondonTimeGmtInWinterAndBstInSummer() {
        Instant winter = Instant.parse("2026-01-12T09:30:00Z");
        Instant summer = Instant.parse("2026-07-13T09:30:00Z");
        assertThat(PracticeTime.DAY_TIME.format(winter)).isEqualTo("Mon 12 Jan 09:30");
        assertThat(PracticeTime.DAY_TIME.format(summer)).isEqualTo("Mon 13 Jul 10:30");
        assertThat(PracticeTime.ZONE_NAME.format(winter)).isEqualTo("GMT");
        assertThat(PracticeTime.ZONE_NAME.format(summer)).isEqualTo("BST");
        assertThat(PracticeTime.WEEKDAY_AT.format(summer)).isEqualTo("Monday 13 July at 10:30");
    }

    @Test
    void aTimeInAnotherZoneIsShownAsTheSameMomentInLondon() {
        var newYork = ZonedDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.ofHours(-5));
        assertThat(PracticeTime.DATE_COMMA_TIME.format(newYork)).isEqualTo("2 Mar 2026, 14:00");
    }

    @Test
    void datesWithoutATimeAreWrittenAsTheyAre() {
        var day = LocalDate.of(2026, 12, 25);
        assertThat(PracticeTime.LONG_DATE.format(day)).isEqualTo("25 December 2026");
        assertThat(PracticeTime.DAY_DATE.format(day)).isEqualTo("Fri 25 Dec 2026");
        assertThat(PracticeTime.LONG_DAY.format(day)).isEqualTo("Friday 25 December 2026");
    }
}
