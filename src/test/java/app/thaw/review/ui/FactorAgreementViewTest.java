package app.thaw.review.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.IntegrationTest;
import app.thaw.review.FactorService;
import app.thaw.review.TagAgreement;

@IntegrationTest
class FactorAgreementViewTest extends SpringBrowserlessTest {

    @Autowired
    FactorService factors;

    @Test
    @WithUserDetails("amira")
    void onAPhoneEachFactorIsOneCardWithItsCountsNamed() {
        TagAgreement first = factors.agreementReport().getFirst();
        FactorAgreementView view = navigate(FactorAgreementView.class);
        assertThat(visibleHeaders()).containsExactly("Factor", "Agreement", "Suggested", "Confirmed", "Rejected",
                "Added without a suggestion");

        view.fitTo(390);
        assertThat(visibleHeaders()).containsExactly("Factors");
        assertThat(test(grid()).getLitRendererPropertyValue(0, 0, "label", String.class)).isEqualTo(first.label());
        assertThat(test(grid()).getLitRendererPropertyValue(0, 0, "counts", String.class)).isEqualTo(
                "Agreement " + (first.agreement() == null ? "—" : Math.round(first.agreement() * 100) + "%")
                        + " · suggested " + first.suggested() + " · confirmed " + first.confirmed() + " · rejected "
                        + first.rejected() + " · added without a suggestion " + first.addedByTherapists());

        view.fitTo(1280);
        assertThat(visibleHeaders()).hasSize(6).doesNotContain("Factors");
    }

    @Test
    void theCountsSayAgreementOnlyOnceSomethingWasDecided() {
        assertThat(FactorAgreementView.counts(new TagAgreement("anxiety", "Anxiety", 4, 3, 1, 2)))
                .isEqualTo("Agreement 75% · suggested 4 · confirmed 3 · rejected 1 · added without a suggestion 2");
        assertThat(FactorAgreementView.counts(new TagAgreement("anxiety", "Anxiety", 2, 0, 0, 0)))
                .startsWith("Agreement — ·");
    }

    private java.util.List<String> visibleHeaders() {
        return grid().getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getHeaderText).toList();
    }

    @SuppressWarnings("unchecked")
    private Grid<TagAgreement> grid() {
        return find(Grid.class).single();
    }
}
