package app.thaw.privacy.ui;

import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.RolesAllowed;

import app.thaw.base.ui.MainLayout;
import app.thaw.privacy.AccessRequestView;
import app.thaw.privacy.DisclosureReviews;
import app.thaw.security.Roles;

/** A clinician's subject access reviews: the clients' requests waiting for their serious-harm check, soonest due first. */
@Route(value = "staff/disclosures", layout = MainLayout.class)
@PageTitle("Disclosure reviews · Thaw")
@Menu(order = 14, title = "Disclosure reviews", icon = "vaadin:eye-slash")
@RolesAllowed(Roles.THERAPIST)
public class DisclosureReviewsView extends VerticalLayout implements BeforeEnterObserver {

    private final DisclosureReviews reviews;
    private final Grid<AccessRequestView> grid = new Grid<>();
    private final Paragraph empty = new Paragraph("Nothing waits for your review.");

    public DisclosureReviewsView(DisclosureReviews reviews) {
        this.reviews = reviews;
        addClassName("disclosure-reviews-view");
        grid.setAriaLabel("Subject access requests waiting for your review");
        grid.addComponentColumn(r -> new RouterLink(r.clientName() + " · " + r.reference(), DisclosureReviewView.class,
                new RouteParameters(DisclosureReviewView.PARAMETER, String.valueOf(r.id())))).setHeader("Client")
                .setAutoWidth(true);
        grid.addColumn(r -> UkDates.format(r.receivedOn())).setHeader("Received").setAutoWidth(true);
        grid.addColumn(r -> UkDates.format(r.dueOn())).setHeader("Due").setAutoWidth(true);
        grid.addColumn(AccessRequestView::deadlineWords).setHeader("Time left").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        empty.setId("disclosures-empty");
        add(new H2("Disclosure reviews"),
                new Paragraph("Clients who asked for a copy of their records. Before anything is released, read what "
                        + "they would receive and withhold only what would be likely to cause serious harm to their "
                        + "physical or mental health, or to someone else's (Data Protection Act 2018, Schedule 3, "
                        + "Part 2). The request must be answered by the due date."),
                empty, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<AccessRequestView> waiting = reviews.waitingForMe();
        grid.setItems(waiting);
        grid.setVisible(!waiting.isEmpty());
        empty.setVisible(waiting.isEmpty());
    }

    List<AccessRequestView> shown() {
        return grid.getListDataView().getItems().toList();
    }
}
