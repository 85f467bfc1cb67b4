package app.thaw.review;

import static app.thaw.intake.IntakeFixtures.completeAnswers;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.base.ids.IntakeId;
import app.thaw.IntegrationTest;

/** The queue's search through its terms (V160): what a therapist types finds the client, and only visible cases. */
@IntegrationTest
class QueueSearchIT extends ReviewTestSupport {

    @Test
    @WithUserDetails("amira")
    void aClientIsFoundBySurnameItsStartFirstNameEmailOrReferenceWhateverTheCaseAndAccents() {
        String word = ReviewTestData.uniqueWord();
        String email = word.toLowerCase(Locale.ROOT) + ".obrien@example.org";
        var client = data.submit(completeAnswers("Zoë " + word + " O'Brien-Lévesque").with("about.email", email));

        for (String typed : List.of(word, word.toUpperCase(Locale.ROOT), word.substring(0, 9), "zoe " + word,
                "ZOË " + word.substring(0, 6), word + " obrien", word + " O'Bri", word + " levesque",
                word + " lév", email.toUpperCase(Locale.ROOT), " " + email + " ", client.reference(),
                client.reference().replace("-", "").toLowerCase(Locale.ROOT))) {
            assertThat(refs(QueueFilter.open().withSearch(typed))).as(typed).containsExactly(client.reference());
        }
        // words are found from their start only, every word typed must match, and an email only whole
        for (String typed : List.of(word.substring(2), word + " Smith", word.toLowerCase(Locale.ROOT) + "@example.org",
                word + "x")) {
            assertThat(refs(QueueFilter.open().withSearch(typed))).as(typed).isEmpty();
        }
    }

    @Test
    @WithUserDetails("amira")
    void aColleaguesCaseIsNeverFoundAndACaseMovesWithItsAssignee() {
        String word = ReviewTestData.uniqueWord();
        String email = word.toLowerCase(Locale.ROOT) + "@example.org";
        var mine = data.submit(completeAnswers(word + " Mine"));
        var colleagues = data.submit(completeAnswers(word + " Theirs").with("about.email", email));
        assignments.assignToMe(IntakeId.of(mine.id()));
        long tom = jdbc.queryForObject("select id from staff_account where username = 'tom'", Long.class);
        jdbc.update("update review_case set assigned_therapist_id = ? where intake_id = ?", tom, colleagues.id());

        assertThat(refs(QueueFilter.open().withSearch(word))).containsExactly(mine.reference());
        assertThat(refs(QueueFilter.open().withSearch(email))).isEmpty();
        assertThat(refs(anyStatus(word + " Theirs"))).isEmpty();

        jdbc.update("update review_case set assigned_therapist_id = null where intake_id = ?", colleagues.id());
        assertThat(refs(QueueFilter.open().withSearch(email))).containsExactly(colleagues.reference());
        assertThat(refs(new QueueFilter(Set.of(), QueueFilter.Urgency.ANY, null, QueueFilter.Assignment.ME, null,
                null, word))).containsExactly(mine.reference());
    }

    @Test
    @WithUserDetails("amira")
    void searchResultsPageInTheQueuesOrderAndFollowAClosedCase() {
        String word = ReviewTestData.uniqueWord();
        var routine = data.submit(completeAnswers(word + " Routine"));
        var urgent = data.submit(completeAnswers(word + " Urgent").with("safety.safe_now", "no"));
        var later = data.submit(completeAnswers(word + " Later"));

        List<String> walked = new ArrayList<>();
        QueueRow after = null;
        for (int page = 0; page < 5; page++) {
            List<QueueRow> rows = reviewQueue.queue(QueueFilter.open().withSearch(word), QueueSort.DEFAULT, after, 1);
            if (rows.isEmpty()) {
                break;
            }
            walked.add(rows.getFirst().reference());
            after = rows.getFirst();
        }
        assertThat(walked).containsExactly(urgent.reference(), routine.reference(), later.reference());

        jdbc.update("update intake set status = 'CLOSED', closed_at = now() where id = ?", later.id());
        assertThat(refs(QueueFilter.open().withSearch(word))).containsExactly(urgent.reference(), routine.reference());
        assertThat(refs(anyStatus(word + " lat"))).containsExactly(later.reference());
    }

    @Test
    @WithUserDetails("amira")
    void anErasedNameIsNoLongerFound() {
        String word = ReviewTestData.uniqueWord();
        var client = data.submit(completeAnswers(word + " Erased"));

        jdbc.update("update intake set full_name = 'Erased client', email = 'erased@invalid' where id = ?", client.id());

        assertThat(refs(anyStatus(word))).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from intake_search where intake_id = ? and term like ?",
                Long.class, client.id(), word.toLowerCase(Locale.ROOT).substring(0, 3) + "%")).isZero();
    }
}
