package app.thaw.review.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import app.thaw.base.ui.MainLayout;
import app.thaw.review.FactorService;
import app.thaw.review.TagAgreement;
import app.thaw.security.Roles;

/** How often therapists agreed with each suggested factor, so the practice can tune the rules. Counts only. */
@Route(value = "staff/factors", layout = MainLayout.class)
@PageTitle("Factor suggestions · Thaw")
@Menu(order = 20, title = "Factor suggestions", icon = "vaadin:chart")
@RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
public class FactorAgreementView extends VerticalLayout {

    public FactorAgreementView(FactorService factors) {
        setSizeFull();
        var grid = new Grid<TagAgreement>();
        grid.setAriaLabel("Agreement with suggested factors");
        grid.addColumn(TagAgreement::label).setHeader("Factor").setAutoWidth(true);
        grid.addColumn(TagAgreement::suggested).setHeader("Suggested").setAutoWidth(true);
        grid.addColumn(TagAgreement::confirmed).setHeader("Confirmed").setAutoWidth(true);
        grid.addColumn(TagAgreement::rejected).setHeader("Rejected").setAutoWidth(true);
        grid.addColumn(TagAgreement::addedByTherapists).setHeader("Added without a suggestion").setAutoWidth(true);
        grid.addColumn(t -> t.agreement() == null ? "—" : Math.round(t.agreement() * 100) + "%")
                .setHeader("Agreement").setAutoWidth(true);
        grid.setItems(factors.agreementReport());
        add(new H2("Factor suggestions"), new Paragraph("Agreement is the share of decided suggestions that "
                + "therapists confirmed. Factors often added without a suggestion point at a rule that is missing."),
                grid);
        setFlexGrow(1, grid);
    }
}
