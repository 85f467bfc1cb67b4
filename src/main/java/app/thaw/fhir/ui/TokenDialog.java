package app.thaw.fhir.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;

import app.thaw.fhir.IssuedApiToken;

/** Shows a new token once, to copy into the other system; the practice keeps only its hash. */
class TokenDialog extends Dialog {

    TokenDialog(IssuedApiToken issued) {
        setHeaderTitle("Token for " + issued.clientName());
        var field = new TextField("Bearer token");
        field.setValue(issued.token());
        field.setReadOnly(true);
        field.setWidthFull();
        field.setId("issued-token");
        var copied = new Span();
        copied.getElement().setAttribute("aria-live", "polite");
        var copy = new Button("Copy token", click -> {
            click.getSource().getUI().ifPresent(ui -> ui.getPage()
                    .executeJs("return navigator.clipboard ? navigator.clipboard.writeText($0) : null",
                            issued.token()));
            copied.setText("Copied");
        });
        add(new Paragraph("The system sends it as \"Authorization: Bearer …\" with each request. It works until "
                        + ApiClientsView.WHEN.format(issued.expiresAt()) + " unless you revoke it."),
                field, new Div(copy, copied),
                new Paragraph("It is shown only now. Pass it to the system's administrators by a secure route, "
                        + "never by ordinary email."));
        setWidth("min(40rem, 95vw)");
        var done = new Button("Done", click -> close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }
}
