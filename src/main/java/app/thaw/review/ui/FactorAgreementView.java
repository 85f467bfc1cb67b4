package app.thaw.review.ui;

import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import app.thaw.base.ui.MainLayout;
import app.thaw.base.ui.PhoneColumns;
import app.thaw.review.FactorService;
import app.thaw.review.TagAgreement;
import app.thaw.security.Roles;

/** How often therapists agreed with each suggested factor, so the practice can tune the rules. Counts only. */
@Route(value = "staff/factors", layout = MainLayout.class)
@PageTitle("Factor suggestions · Thaw")
@Menu(order = 20, title = "Factor suggestions", icon = "vaadin:chart")
@RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
public class FactorAgreementView extends VerticalLayout {

    private final Grid<TagAgreement> grid = new Grid<>();
    private final PhoneColumns<TagAgreement> columns;

    public FactorAgreementView(FactorService factors) {
        setSizeFull();
        grid.setAriaLabel("Agreement with suggested factors");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        columns = new PhoneColumns<>(grid, List.of(
                grid.addColumn(TagAgreement::label).setHeader("Factor").setAutoWidth(true),
                // the figure the page is for beside the factor's name: last, a tablet scrolled it out of sight
                grid.addColumn(FactorAgreementView::agreement).setHeader("Agreement").setAutoWidth(true),
                grid.addColumn(TagAgreement::suggested).setHeader("Suggested").setAutoWidth(true),
                grid.addColumn(TagAgreement::confirmed).setHeader("Confirmed").setAutoWidth(true),
                grid.addColumn(TagAgreement::rejected).setHeader("Rejected").setAutoWidth(true),
                // the long heading on two lines: on one it pushed the row past a tablet's 734 px
                grid.addColumn(TagAgreement::addedByTherapists).setHeader("Added without a suggestion")
                        .setWidth("8rem").setFlexGrow(0)),
                () -> grid.addColumn(LitRenderer.<TagAgreement>of("""
                                <div class="factor-card"><strong>${item.label}</strong><div>${item.counts}</div></div>""")
                        .withProperty("label", TagAgreement::label)
                        .withProperty("counts", FactorAgreementView::counts)).setHeader("Factors"));
        grid.setItems(factors.agreementReport());
        add(new H2("Factor suggestions"), new Paragraph("Agreement is the share of decided suggestions that "
                + "therapists confirmed. Factors often added without a suggestion point at a rule that is missing."),
                grid);
        setFlexGrow(1, grid);
    }

    /**
     * As if the window were this wide: on a phone each factor is one card, its counts named (six columns showed a
     * name and a number without its heading).
     */
    void fitTo(int windowWidth) {
        columns.fitTo(windowWidth);
    }

    static String counts(TagAgreement factor) {
        return "Agreement " + agreement(factor) + " · suggested " + factor.suggested() + " · confirmed "
                + factor.confirmed() + " · rejected " + factor.rejected() + " · added without a suggestion "
                + factor.addedByTherapists();
    }

    private static String agreement(TagAgreement factor) {
        return factor.agreement() == null ? "—" : Math.round(factor.agreement() * 100) + "%";
    }
}
