package app.thaw.fhir.ui;

import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import app.thaw.base.ids.ApiClientId;
import app.thaw.base.PracticeTime;
import app.thaw.base.ui.MainLayout;
import app.thaw.base.ui.TitleRow;
import app.thaw.base.ui.WrappingCell;
import app.thaw.fhir.ApiClientSummary;
import app.thaw.fhir.ApiClients;
import app.thaw.fhir.ApiScopes;
import app.thaw.security.Roles;

/**
 * The systems allowed to read the FHIR API (an NHS service, an EHR, a registry), as the practice manager keeps them:
 * create one with the records it may read and an expiry, see its token once, revoke it.
 */
@Route(value = "staff/admin/api-clients", layout = MainLayout.class)
@PageTitle("API clients · Thaw")
@Menu(order = 95, title = "API clients", icon = "vaadin:connect")
@RolesAllowed(Roles.ADMIN)
public class ApiClientsView extends VerticalLayout {

    static final DateTimeFormatter WHEN = PracticeTime.DATE_COMMA_TIME;

    private final ApiClients clients;
    final Grid<ApiClientSummary> grid = new Grid<>();
    final Paragraph outcome = new Paragraph();

    public ApiClientsView(ApiClients clients) {
        this.clients = clients;
        setSizeFull();
        var create = new Button("Add a system", click -> new NewApiClientDialog(clients, issued -> {
            refresh();
            say(issued.clientName() + " can now read the FHIR API.");
            new TokenDialog(issued).open();
        }).open());
        create.setId("add-api-client");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var about = new Paragraph("Other clinical systems read clients' questionnaires, answers, scores, risk flags, "
                + "referrals and sessions through the FHIR API with a token made here. Each token is shown once, "
                + "reads only the kinds of record you tick, expires, and can be revoked at once. Every read is in the "
                + "audit log.");
        outcome.getElement().setAttribute("role", "status");
        outcome.addClassName("api-clients-outcome");
        grid.addColumn(ApiClientSummary::name).setHeader("System").setAutoWidth(true);
        // in the words the manager ticked, whole: cut to "system/Obse…" it could not be checked before a revoke
        // in the words the manager ticked, whole: cut to "system/Obse…" it could not be checked before a revoke
        grid.addColumn(WrappingCell.of(ApiClientsView::mayRead)).setHeader("May read").setFlexGrow(1);
        grid.addColumn(c -> WHEN.format(c.createdAt()) + " by " + c.createdBy()).setHeader("Created")
                .setAutoWidth(true);
        grid.addColumn(ApiClientsView::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(c -> c.lastUsedAt() == null ? "Never" : WHEN.format(c.lastUsedAt())).setHeader("Last used")
                .setAutoWidth(true);
        grid.addComponentColumn(this::revokeButton).setHeader("Actions").setAutoWidth(true).setFlexGrow(0)
                .setFrozenToEnd(true);
        grid.setAriaLabel("API clients");
        add(TitleRow.of("API clients", create), about, outcome, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    static String status(ApiClientSummary client) {
        if (client.revokedAt() != null) {
            return "Revoked " + WHEN.format(client.revokedAt());
        }
        return (client.usable() ? "Active until " : "Expired ") + WHEN.format(client.expiresAt());
    }

    private Button revokeButton(ApiClientSummary client) {
        var revoke = new Button("Revoke…", click -> confirmRevoke(client));
        revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
        revoke.setEnabled(client.revokedAt() == null);
        revoke.getElement().setAttribute("aria-label", "Revoke " + client.name());
        return revoke;
    }

    private void confirmRevoke(ApiClientSummary client) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Revoke " + client.name() + "?");
        dialog.add(new Paragraph("Its token stops working at once, for good. To let the system read again, add it "
                + "anew and give it the new token."));
        var go = new Button("Revoke", click -> {
            clients.revoke(ApiClientId.of(client.id()));
            dialog.close();
            say(client.name() + " can no longer read the FHIR API.");
            refresh();
        });
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), go);
        dialog.open();
    }

    private void say(String text) {
        outcome.setText(text);
    }

    private void refresh() {
        grid.setItems(clients.list());
    }

    static String mayRead(ApiClientSummary client) {
        return client.scopes().stream().map(scope -> ApiScopes.ALL.equals(scope) ? "Everything"
                : NewApiClientDialog.scopeWords(scope)).collect(Collectors.joining(", "));
    }
}
