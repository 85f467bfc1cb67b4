package app.thaw.intake.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import app.thaw.base.ui.PublicLayout;

/** The public front door: says what the form is for, what happens next, and starts the intake. */
@Route(value = "", layout = PublicLayout.class)
@PageTitle("Can't cry anymore? Talk to us · Thaw")
@AnonymousAllowed
public class LandingView extends Div {

    public LandingView() {
        addClassName("landing-view");
        var start = new Button("Start the form", click -> click.getSource().getUI()
                .ifPresent(ui -> ui.navigate("intake")));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        start.addClassName("start-intake");

        add(new H1("Finding it hard to cry, or to feel?"),
                new Paragraph("Many people reach a point where tears won't come, even when life is heavy. "
                        + "It doesn't mean you don't care — often it means you have been carrying a lot for a long time. "
                        + "It can also put distance between you and a partner."),
                new Paragraph("This short form helps one of our therapists understand what is going on for you, "
                        + "so we can suggest the right kind of support: sessions for you, for you and your partner, "
                        + "or another service that fits better."),
                start,
                new H2("What to expect"),
                list("It takes about 15 minutes. You can stop and come back later — your answers are saved as you go.",
                        "You don't need an account. Only the practice's therapists can read your answers.",
                        "A therapist reads every form, usually within two working days, and contacts you the way you choose.",
                        "This is not a diagnosis and not an emergency service."));
    }

    private static UnorderedList list(String... items) {
        var list = new UnorderedList();
        for (String item : items) {
            list.add(new ListItem(item));
        }
        return list;
    }
}
