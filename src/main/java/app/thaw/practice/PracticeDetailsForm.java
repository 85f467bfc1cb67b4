package app.thaw.practice;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the practice manager types on Practice details. Blank text means "use the configured default"; reminder times
 * are hours before the session, up to three. The version is the one the page was loaded with: a save over a newer one is
 * refused.
 */
public record PracticeDetailsForm(@Nullable String name, @Nullable String addressLines, @Nullable String phone,
                                  @Nullable String email, @Nullable String mailFrom, @Nullable String emailSignature,
                                  @Nullable Integer clientNoticeHours, List<Integer> reminderHours,
                                  long version) {

    public PracticeDetailsForm {
        reminderHours = reminderHours == null ? List.of() : List.copyOf(reminderHours);
    }

    /** The form's fields, as named in a refusal. */
    public enum Field { NAME, ADDRESS, PHONE, EMAIL, MAIL_FROM, SIGNATURE, NOTICE, REMINDERS }
}
