package app.thaw.privacy.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;

import app.thaw.base.ids.CaseReference;
import app.thaw.base.ids.IntakeId;
import app.thaw.base.PracticeTime;
import app.thaw.Application;
import app.thaw.base.ui.MainLayout;
import app.thaw.intake.ClientIdentity;
import app.thaw.privacy.PrivacyService;
import app.thaw.privacy.SubjectAccessRequests;
import app.thaw.security.Roles;

/**
 * The practice manager's desk for clients' privacy requests: find a client, see who they are, what they
 * consented to and whom they are linked with, and record and release their subject access request once their
 * clinician approved it. Nothing clinical is shown here; it goes only into the downloaded files.
 */
@Route(value = "staff/admin/privacy", layout = MainLayout.class)
@PageTitle("Client privacy · Thaw")
@Menu(order = 97, title = "Client privacy", icon = "vaadin:user-card")
@RolesAllowed(Roles.ADMIN)
public class ClientPrivacyView extends VerticalLayout {

    private static final DateTimeFormatter TIME = PracticeTime.DATE_COMMA_TIME;
    private static final DateTimeFormatter DATE = PracticeTime.LONG_DATE;

    private final PrivacyService privacy;
    private final SubjectAccessRequests accessRequests;
    private final Clock clock;
    private final TextField query = new TextField("Reference or email address");
    private final Paragraph message = new Paragraph();
    private final Div matches = new Div();
    private final Div record = new Div();
    /** Erase… and Legal hold… are added here, beside the downloads. */
    private final HorizontalLayout recordActions = new HorizontalLayout();
    private @Nullable ClientIdentity shown;

    public ClientPrivacyView(PrivacyService privacy, SubjectAccessRequests accessRequests, Clock clock) {
        this.privacy = privacy;
        this.accessRequests = accessRequests;
        this.clock = clock;
        var erase = new Button("Erase…", e -> CaseReference.parse(shownReference())
                .ifPresent(reference -> new ErasureDialog(privacy, reference, this::refresh).open()));
        erase.addThemeVariants(ButtonVariant.LUMO_ERROR);
        erase.setId("privacy-erase");
        var hold = new Button("Legal hold…", e -> CaseReference.parse(shownReference())
                .ifPresent(reference -> new LegalHoldDialog(privacy, reference, this::refresh).open()));
        hold.setId("privacy-legal-hold");
        recordActions.add(hold, erase);
        addClassName("privacy-view");
        query.setPlaceholder("THW-ABC123 or name@example.org");
        query.setClearButtonVisible(true);
        query.setWidth("22rem");
        query.setMaxWidth("100%");
        var find = new Button("Find", e -> search());
        find.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // Enter in the search box only: Enter elsewhere (a date being typed) must not search again and clear the form
        find.addClickShortcut(Key.ENTER).listenOn(query);
        var search = new FlexLayout(query, find);
        search.addClassName("queue-filters");
        // on a phone "Find" goes under the box: beside it, the button was past the screen's edge at 320 and 390 px
        search.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        search.setWidthFull();
        message.setId("privacy-message");
        message.getElement().setAttribute("role", "status");
        matches.addClassName("privacy-matches");
        record.addClassName("privacy-record");
        recordActions.addClassName("privacy-record-actions");
        recordActions.setId("privacy-record-actions");
        add(new H2("Client privacy"),
                new Paragraph("Find a client to answer a privacy request. You see who they are and what they agreed "
                        + "to; their answers, notes and sessions go only into the export files, which their clinician "
                        + "reviews before you can download them. Every step is recorded in the audit log."),
                search, message, matches, record);
    }

    /** The row with Legal hold… and Erase… for the shown client's record. */
    HorizontalLayout recordActions() {
        return recordActions;
    }

    private String shownReference() {
        return shown == null ? "" : shown.reference();
    }

    @Nullable ClientIdentity shownClient() {
        return shown;
    }

    private void search() {
        matches.removeAll();
        record.removeAll();
        shown = null;
        String text = query.getValue() == null ? "" : query.getValue().strip();
        if (text.isEmpty()) {
            message.setText("Type a reference such as THW-ABC123, or the email address the client used.");
            return;
        }
        List<ClientIdentity> found = privacy.findClients(text);
        if (found.isEmpty()) {
            message.setText("No client has that reference or email address.");
        } else if (found.size() == 1) {
            message.setText("");
            show(found.getFirst());
        } else {
            message.setText(found.size() + " forms were sent from this email address. Choose one:");
            for (ClientIdentity client : found) {
                var choose = new Button(client.reference() + " · " + client.fullName() + " · sent "
                        + TIME.format(client.submittedAt()), e -> show(client));
                choose.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                matches.add(choose);
            }
        }
    }

    /** Shows the client afresh, for instance after an action on their record changed it. */
    void refresh() {
        if (shown != null) {
            privacy.client(IntakeId.of(shown.intakeId())).ifPresentOrElse(this::show, () -> {
                record.removeAll();
                shown = null;
                message.setText("This client's record is no longer held.");
            });
        }
    }

    private void show(ClientIdentity client) {
        shown = client;
        record.removeAll();
        var identity = new DescriptionList();
        identity.addClassName("session-details");
        item(identity, "Reference", client.reference());
        item(identity, "Full name", client.fullName());
        item(identity, "Preferred name", client.preferredName());
        item(identity, "Date of birth", client.dateOfBirth() == null ? null : DATE.format(client.dateOfBirth()));
        item(identity, "Email", client.email());
        item(identity, "Phone", client.phone());
        item(identity, "Asked for", client.requestedType().label());
        String status = client.status().name().replace('_', ' ').toLowerCase(Locale.ROOT);
        item(identity, "Status", Character.toUpperCase(status.charAt(0)) + status.substring(1));
        item(identity, "Form sent", TIME.format(client.submittedAt()));

        var consent = new DescriptionList();
        consent.addClassName("session-details");
        item(consent, "Privacy notice", "Version " + client.consent().privacyNoticeVersion() + ", accepted "
                + TIME.format(client.consent().acceptedAt()));
        item(consent, "Contact", client.consent().contactConsent() ? "Agreed to be contacted" : "Not agreed");
        item(consent, "18 or over", client.consent().adultConfirmed() ? "Confirmed" : "Not confirmed");
        item(consent, "Couple case", client.coupleLink().label() + (client.partner() == null ? ""
                : ": " + client.partner().reference() + " (" + client.partner().fullName() + ")"));

        var subjectAccess = new SubjectAccessPanel(accessRequests, client.intakeId(), client.partner() != null,
                LocalDate.ofInstant(clock.instant(), Application.PRACTICE_ZONE));
        record.add(new H3(client.fullName() + " · " + client.reference()), identity,
                new H3("Consent"), consent, subjectAccess, recordActions);
    }

    private static void item(DescriptionList list, String term, @Nullable String description) {
        if (description != null && !description.isBlank()) {
            list.add(new DescriptionList.Term(term), new DescriptionList.Description(description));
        }
    }
}
