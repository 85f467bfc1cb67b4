package app.thaw.security.ui;

import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;

import app.thaw.base.PracticeTime;
import app.thaw.security.IssuedLink;

/**
 * Shows a password link once, to copy and pass on another way (by phone, in person) if the email goes astray.
 * The practice keeps only its hash, so closing this dialog is the last time anyone sees it here.
 */
class LinkDialog extends Dialog {

    private static final DateTimeFormatter WHEN = PracticeTime.WEEKDAY_TIME;

    LinkDialog(String title, IssuedLink link) {
        setHeaderTitle(title);
        var field = new TextField("Private link");
        field.setValue(link.url());
        field.setReadOnly(true);
        field.setWidthFull();
        field.setId("issued-link");
        var copied = new Span();
        copied.getElement().setAttribute("aria-live", "polite");
        var copy = new Button("Copy link", click -> {
            click.getSource().getUI().ifPresent(ui -> ui.getPage()
                    .executeJs("return navigator.clipboard ? navigator.clipboard.writeText($0) : null", link.url()));
            copied.setText("Copied");
        });
        add(new Paragraph("We have emailed this link to " + link.recipientName() + " at " + link.recipientEmail()
                        + ". It works once, until " + WHEN.format(link.expiresAt()) + "."),
                field, new Div(copy, copied),
                new Paragraph("It is shown only now. If you pass it on yourself, make sure it reaches "
                        + link.recipientName() + " alone."));
        setWidth("min(40rem, 95vw)");
        var done = new Button("Done", click -> close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }
}
