package app.thaw.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.IntakeId;
import app.thaw.IntegrationTest;
import app.thaw.base.domain.Erased;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.review.CaseWorkService;
import app.thaw.review.ReviewTestData;

@IntegrationTest
class ErasureIT {

    @Autowired
    app.thaw.base.crypto.FieldCipher cipher;

    @Autowired
    app.thaw.intake.domain.EncryptedColumns.IntakeAnswers storedAnswers;

    @Autowired
    app.thaw.intake.domain.EncryptedColumns.AmendmentAnswer storedAmendment;

    /** A correction row with its answer decrypted, as the application reads it. */
    private Map<String, Object> amendment(Map<String, Object> row) {
        var plain = new java.util.HashMap<>(row);
        plain.put("answer", storedAmendment.decrypt((String) row.get("answer")).replace(" ", ""));
        return plain;
    }

    @Autowired
    ErasureService erasure;

    @Autowired
    LegalHoldService holds;

    @Autowired
    IntakeService intake;

    @Autowired
    CaseWorkService caseWork;

    @Autowired
    app.thaw.review.ReferralService referrals;

    @Autowired
    UserDetailsService staff;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    RetentionTestData data;

    @BeforeEach
    void setUp() {
        data = new RetentionTestData(intake, caseWork, referrals, staff, jdbc, tx, cipher);
    }

    @Test
    void erasureRemovesEveryIdentifyingAndWrittenWordAndKeepsTheStatistics() {
        String word = ReviewTestData.uniqueWord();
        var client = data.fullClient(word);
        var before = row("select * from intake where id = ?", client.id());
        var traces = new ClientTraces(jdbc, cipher);
        var needles = traces.needles(client.id(), word, RetentionTestData.phoneOf(word));
        assertThat(traces.find(needles)).as("the scan sees the client before").containsKeys("intake", "intake_search",
                "case_note", "intake_amendment", "outbox_message");

        var result = data.review.as("admin", () -> erasure.erase(CaseReference.of(client.reference()), "Written request of 3 March"));

        assertThat(result.outcome()).isEqualTo(ErasureResult.Outcome.ERASED);
        var after = row("select * from intake where id = ?", client.id());
        assertThat(after.get("full_name")).isEqualTo(Erased.MARKER);
        assertThat(after.get("email")).isEqualTo(Erased.MARKER);
        assertThat(after.get("phone")).isEqualTo(Erased.MARKER);
        assertThat(after.get("preferred_name")).isNull();
        assertThat(after.get("date_of_birth")).isNull();
        assertThat(after.get("status_token_hash")).isNotEqualTo(before.get("status_token_hash"));
        // statistics stay exactly as they were
        for (String kept : List.of("reference", "status", "requested_type", "urgent", "scores", "risk_flags",
                "submitted_at", "questionnaire_version", "privacy_notice_version", "consented_at")) {
            assertThat(String.valueOf(after.get(kept))).as(kept).isEqualTo(String.valueOf(before.get(kept)));
        }
        String answers = storedAnswers.convertToEntityAttribute(String.valueOf(after.get("answers"))).replace(" ", "");
        assertThat(answers).contains("\"phq9.9\":[\"2\"]", "\"presenting.duration\":[\"6_12m\"]",
                "\"about.contact_safe\":[\"email\",\"phone\",\"voicemail\"]", "\"presenting.what_brings_you\":[\"[erased]\"]",
                "\"about.date_of_birth\":[\"[erased]\"]", "\"about.gp_practice\":[\"[erased]\"]");

        assertThat(jdbc.queryForList("select body from case_note where intake_id = ?", client.id()))
                .isNotEmpty().allSatisfy(note -> assertThat(note.get("body")).isNull());
        assertThat(jdbc.queryForList("select kind, reason from referral where intake_id = ?", client.id()))
                .singleElement().satisfies(referral -> {
                    assertThat(referral.get("kind")).isEqualTo("INDIVIDUAL");
                    assertThat(referral.get("reason")).isNull();
                });
        assertThat(row("select * from review_case where intake_id = ?", client.id())).satisfies(reviewCase -> {
            assertThat(reviewCase.get("risk_acknowledged_at")).isNotNull();
            assertThat(reviewCase.get("risk_acknowledgement_note")).isNull();
        });
        assertThat(jdbc.queryForList("select item_id, answer::text as answer, reason from intake_amendment "
                + "where intake_id = ? order by id", client.id())).satisfiesExactly(
                phone -> assertThat(amendment(phone)).containsEntry("answer", "[\"[erased]\"]")
                        .containsEntry("reason", null),
                choice -> assertThat(amendment(choice)).containsEntry("answer", "[\"over_1y\"]")
                        .containsEntry("reason", null));
        assertThat(jdbc.queryForList("select state, cancel_reason from appointment where intake_id = ? order by id",
                client.id())).extracting(r -> r.get("state") + "/" + r.get("cancel_reason"))
                .containsExactly("ATTENDED/null", "CANCELLED/null");
        assertThat(jdbc.queryForObject("""
                select count(*) from appointment_request r join appointment a on a.id = r.appointment_id
                 where a.intake_id = ? and r.message is null""", Integer.class, client.id())).isEqualTo(1);
        assertThat(jdbc.queryForList("""
                select status, recipient, subject, body_text, ics from outbox_message
                 where idempotency_key like 'erased/%' and (appointment_id in
                       (select id from appointment where intake_id = ?))""", client.id()))
                .singleElement().satisfies(email -> {
                    assertThat(email).containsEntry("recipient", Erased.MARKER).containsEntry("ics", null)
                            .containsEntry("status", "WITHDRAWN");
                });

        // nothing anywhere still carries the client's words, contact details or search terms
        assertThat(traces.find(needles)).isEmpty();
        assertThat(data.review.auditActions(client.id())).containsOnlyOnce("CLIENT_ERASED");
    }

    @Test
    void erasureIsIdempotent() {
        var client = data.review.submit(IntakeFixtures.completeAnswers(ReviewTestData.uniqueWord() + " Twice"));

        var first = data.review.as("admin", () -> erasure.erase(CaseReference.of(client.reference()), "Request"));
        var second = data.review.as("admin", () -> erasure.erase(CaseReference.typed(client.reference().toLowerCase())
                .orElseThrow(), "Request"));

        assertThat(first.erased()).isTrue();
        assertThat(second.outcome()).isEqualTo(ErasureResult.Outcome.ALREADY_ERASED);
        assertThat(second.message()).contains("already erased");
        assertThat(data.review.auditActions(client.id())).containsOnlyOnce("CLIENT_ERASED");
    }

    @Test
    void thePartnerOfAnErasedClientKeepsTheirRecord() {
        String word = ReviewTestData.uniqueWord();
        var first = data.review.submit(IntakeFixtures.couplesAnswers(word + " First")
                .with("about.email", "first-" + word.toLowerCase() + "@example.org"));
        var partner = data.review.submitPartner(first.receipt().partnerInvitationToken(),
                IntakeFixtures.couplesAnswers(word + " Partner").with("about.email", "partner@example.org"));
        data.review.as("amira", () -> caseWork.addNote(IntakeId.of(partner.id()), "Partner note"));
        long joint = data.insertSession(first.id(), partner.id(), "ATTENDED", null);
        data.insertEmail(joint, "partner@example.org", word + " Partner");
        var partnerBefore = row("select * from intake where id = ?", partner.id());

        data.review.as("admin", () -> erasure.erase(CaseReference.of(first.reference()), "Request"));

        assertThat(row("select * from intake where id = ?", partner.id())).isEqualTo(partnerBefore);
        assertThat(jdbc.queryForList("select body from case_note where intake_id = ?", partner.id()))
                .extracting(r -> cipher.decrypt((String) r.get("body"), "case_note.body"))
                .containsExactly("Partner note");
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where appointment_id = ? "
                + "and recipient = 'partner@example.org'", Integer.class, joint)).isEqualTo(1);
        assertThat(row("select * from intake where id = ?", first.id()).get("full_name")).isEqualTo(Erased.MARKER);
        // the couple stays a couple in the statistics
        assertThat(row("select * from intake where id = ?", first.id()).get("couple_case_id"))
                .isEqualTo(partnerBefore.get("couple_case_id"));
    }

    @Test
    void aLegalHoldRefusesErasureUntilItIsCleared() {
        var client = data.review.submit(IntakeFixtures.completeAnswers(ReviewTestData.uniqueWord() + " Held"));

        var set = data.review.as("admin", () -> holds.set(CaseReference.of(client.reference()), "Solicitor's letter about a claim"));
        var again = data.review.as("admin", () -> holds.set(CaseReference.of(client.reference()), "Again"));
        var refused = data.review.as("admin", () -> erasure.erase(CaseReference.of(client.reference()), "Asked in writing"));

        assertThat(set.outcome()).isEqualTo(LegalHoldResult.Outcome.SET);
        assertThat(again.outcome()).isEqualTo(LegalHoldResult.Outcome.ALREADY_HELD);
        assertThat(refused.outcome()).isEqualTo(ErasureResult.Outcome.REFUSED_LEGAL_HOLD);
        assertThat(refused.message()).contains("legal hold");
        assertThat(row("select * from intake where id = ?", client.id()).get("full_name")).asString()
                .endsWith(" Held");
        assertThat(data.review.as("admin", () -> holds.current(CaseReference.of(client.reference())))).get()
                .satisfies(hold -> {
                    assertThat(hold.reason()).isEqualTo("Solicitor's letter about a claim");
                    assertThat(hold.setBy()).isEqualTo("Priya Shah");
                });

        var missingReason = data.review.as("admin", () -> holds.clear(CaseReference.of(client.reference()), " "));
        var cleared = data.review.as("admin", () -> holds.clear(CaseReference.of(client.reference()), "Claim settled"));
        var erased = data.review.as("admin", () -> erasure.erase(CaseReference.of(client.reference()), "Asked in writing"));

        assertThat(missingReason.outcome()).isEqualTo(LegalHoldResult.Outcome.REASON_MISSING);
        assertThat(cleared.outcome()).isEqualTo(LegalHoldResult.Outcome.CLEARED);
        assertThat(erased.erased()).isTrue();
        assertThat(data.review.auditActions(client.id()))
                .containsSubsequence("LEGAL_HOLD_SET", "LEGAL_HOLD_CLEARED", "CLIENT_ERASED");
        assertThat(data.review.audit(client.id())).noneSatisfy(entry ->
                assertThat(String.valueOf(entry.get("detail"))).contains("claim"));
    }

    @Test
    void aReasonAndAnExistingReferenceAreNeeded() {
        String first = ReviewTestData.uniqueWord();
        var client = data.review.submit(IntakeFixtures.completeAnswers(first + " Reason"));

        var noReason = data.review.as("admin", () -> erasure.erase(CaseReference.of(client.reference()), "  "));
        // the reason outlives everything else about the client, so it may not name them
        var naming = data.review.as("admin", () -> erasure.erase(CaseReference.of(client.reference()),
                "Letter from " + first + " REASON dated 3 March"));
        assertThat(naming.outcome()).isEqualTo(ErasureResult.Outcome.REASON_MISSING);
        assertThat(naming.message()).isEqualTo("Please leave their name out of the reason: it is kept after "
                + "everything else about the client is erased.");
        var unknown = data.review.as("admin", () -> erasure.erase(CaseReference.of("THW-000000"), "Request"));

        assertThat(noReason.outcome()).isEqualTo(ErasureResult.Outcome.REASON_MISSING);
        assertThat(noReason.message()).startsWith("Please say why");
        assertThat(unknown.outcome()).isEqualTo(ErasureResult.Outcome.NOT_FOUND);
        assertThat(data.review.auditActions(client.id())).doesNotContain("CLIENT_ERASED");
    }

    @Test
    void onlyThePracticeManagerErasesOrHolds() {
        var client = data.review.submit(IntakeFixtures.completeAnswers(ReviewTestData.uniqueWord() + " Roles"));

        data.review.as("amira", () -> {
            assertThatThrownBy(() -> erasure.erase(CaseReference.of(client.reference()), "Request"))
                    .isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> holds.set(CaseReference.of(client.reference()), "Claim"))
                    .isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> erasure.status(CaseReference.of(client.reference())))
                    .isInstanceOf(AuthorizationDeniedException.class);
        });
        assertThatThrownBy(() -> erasure.erase(CaseReference.of(client.reference()), "Request"))
                .isInstanceOf(org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void theTriggersLetOnlyTheErasurePathThrough() {
        var client = data.fullClient(ReviewTestData.uniqueWord());
        long id = client.id();

        // outside an erasure: every change refused, as before
        assertThatThrownBy(() -> jdbc.update("update case_note set body = null where intake_id = ?", id))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("update intake_amendment set reason = null where intake_id = ?", id))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("update intake set answers = '{}'::jsonb where id = ?", id))
                .hasStackTraceContaining("cannot be changed");
        // inside one: only blanking, never deleting, rewriting or touching the audit log
        for (String forbidden : List.of(
                "delete from case_note where intake_id = ?",
                "update case_note set body = 'rewritten' where intake_id = ?",
                "update case_note set body = null, author_id = author_id + 0, created_at = created_at + interval '1 day' where intake_id = ?",
                "delete from intake_amendment where intake_id = ?",
                "update intake_amendment set reason = 'rewritten' where intake_id = ?",
                "update intake set submitted_at = submitted_at + interval '1 day' where id = ?",
                "update audit_entry set detail = null where intake_id = ?")) {
            assertThat(catchRefusal(forbidden, id)).as(forbidden).isTrue();
        }
        assertThat(jdbc.queryForObject("select count(*) from case_note where intake_id = ? and body is not null",
                Integer.class, id)).isEqualTo(1);
        assertThat(catchRefusal("update case_note set body = null where intake_id = ?", id)).isFalse();
        // and the switch ends with the transaction
        assertThatThrownBy(() -> jdbc.update("update case_note set body = null where intake_id = ?", id))
                .hasStackTraceContaining("append-only");
    }

    private void inErasure(String sql, long id) {
        tx.executeWithoutResult(status -> {
            jdbc.queryForObject("select set_config('thaw.erasure', 'on', true)", String.class);
            jdbc.update(sql, id);
            status.setRollbackOnly();
        });
    }

    /** True when the statement was refused inside an erasure transaction (always rolled back). */
    private boolean catchRefusal(String sql, long id) {
        try {
            inErasure(sql, id);
            return false;
        } catch (org.springframework.dao.DataAccessException refused) {
            return true;
        }
    }

    private Map<String, Object> row(String sql, long id) {
        return jdbc.queryForMap(sql, id);
    }
}
