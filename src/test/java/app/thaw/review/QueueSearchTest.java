package app.thaw.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class QueueSearchTest {

    @Test
    void aReferenceIsLookedUpExactlyInAnyCaseWithOrWithoutTheDash() {
        assertThat(QueueSearch.of(" thwabc123 ").reference()).isEqualTo("THW-ABC123");
        assertThat(QueueSearch.of("THW-ABC123").byTerms()).isFalse();
    }

    @Test
    void anEmailIsOneTermAndNameWordsAreReadFromTheLongest() {
        List<Object> args = new ArrayList<>();
        assertThat(QueueSearch.of(" Amira.K@Example.org ").leadingTermCondition(args))
                .isEqualTo("t.term = queue_search_email(?)");
        assertThat(args).containsExactly("Amira.K@Example.org");

        QueueSearch words = QueueSearch.of("Zoë  O'Brien-Khan !!");
        assertThat(words.words()).containsExactly("Zoë", "O", "Brien", "Khan");
        args.clear();
        words.leadingTermCondition(args);
        var others = new StringBuilder();
        words.appendOtherWords(others, args);
        assertThat(args).containsExactly("Brien", "Zoë", "O", "Khan");
        assertThat(others.toString().split("exists", -1)).hasSize(4);
    }

    @Test
    void punctuationAloneSearchesForNothingAndAtMostFiveWordsCount() {
        assertThat(QueueSearch.of(" - ' ").byTerms()).isFalse();
        assertThat(QueueSearch.of("a b c d e f g").words()).hasSize(5);
    }
}
