package app.thaw.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import app.thaw.Application;
import app.thaw.base.PracticeProfile;
import app.thaw.scheduling.AppointmentNotice;
import app.thaw.scheduling.SessionFormat;

/** Notices for tests. The session label is deliberately clinical: no client email may ever show it. */
final class TestNotices {

    static final String CLINICAL_LABEL = "Couples therapy for emotional numbness and depression";
    static final List<String> CLINICAL_WORDS = List.of("numb", "depress", "anxi", "cry", "suicid", "self-harm",
            "medicat", "phq", "gad-7", "burnout", "risk", "urgent", "referral", "diagnos", "couples therapy",
            "reason", "trauma", "grief");
    static final PracticeProfile PRACTICE = new PracticeProfile("Thaw Therapy · Manchester",
            List.of("14 Albert Square", "Manchester M2 5PF"), "0161 000 0000", "hello@thaw.example");

    private TestNotices() {
    }

    static long newAppointmentId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE / 2);
    }

    static ZonedDateTime london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Application.PRACTICE_ZONE);
    }

    static AppointmentNotice inPerson(long id, ZonedDateTime start, int sequence, AppointmentNotice.Recipient... to) {
        return new AppointmentNotice(id, List.of(to), start, start.plusMinutes(80), CLINICAL_LABEL,
                SessionFormat.IN_PERSON, "Room 2", "Dr Amira Khan", sequence);
    }

    static AppointmentNotice online(long id, ZonedDateTime start, int sequence, AppointmentNotice.Recipient... to) {
        return new AppointmentNotice(id, List.of(to), start, start.plusMinutes(50), CLINICAL_LABEL,
                SessionFormat.ONLINE, null, "Tom Whitfield", sequence);
    }

    static AppointmentNotice.Recipient recipient(String name, String email) {
        return new AppointmentNotice.Recipient(email, name);
    }

    static void assertNothingClinical(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String word : CLINICAL_WORDS) {
            assertThat(lower).as("must not mention '%s'", word).doesNotContain(word);
        }
    }
}
