package app.thaw.intake.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/** A private link with a copy button and a plain word on who it is for. */
class LinkBox extends Div {

    LinkBox(String explanation, String url, String testId) {
        addClassName("link-box");
        var link = new Anchor(url, url);
        link.addClassName("private-link");
        link.getElement().setAttribute("data-testid", testId);
        var copied = new Span();
        copied.getElement().setAttribute("aria-live", "polite");
        var copy = new Button("Copy link", click -> {
            click.getSource().getUI().ifPresent(ui -> ui.getPage()
                    .executeJs("return navigator.clipboard ? navigator.clipboard.writeText($0) : null", url));
            copied.setText("Copied");
        });
        copy.addThemeVariants(ButtonVariant.LUMO_SMALL);
        add(new Paragraph(explanation), link, new Div(copy, copied));
    }

    /** The saved form's own link, to come back to it on another day or device. */
    static LinkBox resumeLink(String draftToken) {
        return new LinkBox("Your answers are saved as you go. To come back on another day or device, keep this "
                + "private link — anyone who has it can see your answers. It works for 7 days.",
                PublicLinks.absolute("intake/resume/" + draftToken), "resume-link");
    }
}
