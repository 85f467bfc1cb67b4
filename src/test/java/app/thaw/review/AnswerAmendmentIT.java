package app.thaw.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.IntakeId;
import app.thaw.IntegrationTest;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;

@IntegrationTest
class AnswerAmendmentIT {

    @Autowired
    CaseWorkService caseWork;
    @Autowired
    CaseOpeningService caseOpening;

    @Autowired
    IntakeService intake;

    @Autowired
    UserDetailsService staff;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails("amira")
    void aCorrectionIsDatedAndSignedWhileTheSubmittedAnswerStaysAsSent() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var submitted = data.submit(IntakeFixtures.completeAnswers(ReviewTestData.uniqueWord() + " Amended"));

        var refused = caseWork.amendAnswer(IntakeId.of(submitted.id()), "about.phone", List.of("not a phone"),
                "Client phoned");
        var missingReason = caseWork.amendAnswer(IntakeId.of(submitted.id()), "about.phone",
                List.of("07700 900456"), " ");
        var saved = caseWork.amendAnswer(IntakeId.of(submitted.id()), "about.phone", List.of("07700 900456"),
                "Client phoned");

        assertThat(refused).get().asString().contains("UK phone number");
        assertThat(missingReason).get().asString().startsWith("Please say why");
        assertThat(saved).isEmpty();
        var detail = caseOpening.openCase(CaseReference.of(submitted.reference())).orElseThrow();
        assertThat(detail.intake().answers().single("about.phone")).contains("07700 900123");
        assertThat(detail.intake().latestAmendment("about.phone")).get().satisfies(amendment -> {
            assertThat(amendment.values()).containsExactly("07700 900456");
            assertThat(amendment.amendedBy()).isEqualTo("Dr Amira Khan");
            assertThat(amendment.reason()).isEqualTo("Client phoned");
        });
        assertThat(data.audit(submitted.id())).anySatisfy(row ->
                assertThat(row.get("action")).isEqualTo("ANSWER_AMENDED"));
        assertThat(catchThrowable(() -> jdbc.update("delete from intake_amendment where intake_id = ?",
                submitted.id()))).hasStackTraceContaining("append-only");
    }
}
