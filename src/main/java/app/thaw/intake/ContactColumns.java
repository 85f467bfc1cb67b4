package app.thaw.intake;

import java.sql.Date;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.DateAnswers;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;

/**
 * The intake's columns the practice works from (the queue's search, letters, every email) follow a corrected name,
 * address, phone number, date of birth or safe ways of contact, as the form told the client they could by calling the
 * practice. An address corrected, or email no longer safe, is told: nothing more goes to the old address.
 */
@Component
class ContactColumns {

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher publisher;

    ContactColumns(JdbcTemplate jdbc, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.publisher = publisher;
    }

    /** In the transaction that recorded the correction of {@code itemId}; other items change no column. */
    void follow(long intakeId, QuestionnaireDefinition definition, String itemId, Answers corrected) {
        @Nullable String value = corrected.single(itemId).map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
        switch (itemId) {
            case "about.full_name" -> set("full_name", value, intakeId);
            case "about.preferred_name" -> set("preferred_name", value, intakeId);
            case "about.phone" -> set("phone", value, intakeId);
            case "about.date_of_birth" -> set("date_of_birth", value == null ? null
                    : Date.valueOf(DateAnswers.read(value, "").date()), intakeId);
            case "about.email" -> {
                String before = jdbc.queryForObject("update intake set email = ? where id = ? returning old.email",
                        String.class, value, intakeId);
                if (before != null && !before.equalsIgnoreCase(value)) {
                    publisher.publishEvent(new ClientContactChanged(intakeId, before));
                }
            }
            case SubmittedIntake.SAFE_CONTACT_ITEM -> {
                boolean safe = IntakeSubmissions.emailSafe(definition, corrected);
                List<String> was = jdbc.queryForList("update intake set email_safe = ? where id = ? "
                        + "returning case when old.email_safe and not new.email_safe then email end", String.class,
                        safe, intakeId);
                if (!was.isEmpty() && was.getFirst() != null) {
                    publisher.publishEvent(new ClientContactChanged(intakeId, was.getFirst()));
                }
            }
            default -> { }
        }
    }

    private void set(String column, @Nullable Object value, long intakeId) {
        // the column names are this class's own constants, never input
        jdbc.update("update intake set " + column + " = ? where id = ?", value, intakeId);
    }
}
