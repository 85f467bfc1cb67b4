package app.thaw.intake.ui;

import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;

import app.thaw.base.ui.StatusLine;
import app.thaw.base.PracticeTime;
import app.thaw.intake.ClientOffers;

import org.jspecify.annotations.Nullable;

/**
 * The times the practice holds for the client to choose from, each with "Choose this time"; once one is chosen, or
 * the offer lapsed, a sentence says so. Used by the status page (and shaped so an offer link page can show the same).
 */
public class OfferedTimesPanel extends Div {

    private static final DateTimeFormatter WHEN = PracticeTime.WEEKDAY_TIME;
    private static final DateTimeFormatter UNTIL = PracticeTime.TIME;
    private static final DateTimeFormatter KEPT = PracticeTime.WEEKDAY_AT;

    private final Supplier<ClientOffers.Offered> offered;
    private final LongFunction<ClientOffers.Choice> choose;
    private final Consumer<ClientOffers.Choice> afterChoice;
    private boolean choosing;

    public OfferedTimesPanel(Supplier<ClientOffers.Offered> offered, LongFunction<ClientOffers.Choice> choose,
                             Consumer<ClientOffers.Choice> afterChoice) {
        this.offered = offered;
        this.choose = choose;
        this.afterChoice = afterChoice;
        addClassName("offered-times");
        setId("offered-times");
        render(null);
    }

    /** Whether times are shown to choose from: the page's next step is then to choose one. */
    public boolean offersTimes() {
        return choosing;
    }

    private void render(ClientOffers.@Nullable Choice outcome) {
        removeAll();
        ClientOffers.Offered offer = offered.get();
        choosing = !offer.times().isEmpty();
        if (outcome != null) {
            add(StatusLine.of(outcome.message(), "offer-outcome", "wizard-notice"));
        }
        if (offer.times().isEmpty()) {
            if (offer.note() != null && outcome == null) {
                var note = new Paragraph(offer.note());
                note.setId("offer-note");
                add(new H2("Your first session"), note);
            }
            setVisible(outcome != null || offer.note() != null);
            return;
        }
        setVisible(true);
        var howToChoose = new Paragraph(offer.howToChoose(KEPT.format(offer.openUntil())));
        howToChoose.setId("offer-how-to-choose");
        add(new H2("Choose a time for your first session"), howToChoose);
        for (ClientOffers.Time time : offer.times()) {
            var pick = new Button("Choose this time", click -> {
                ClientOffers.Choice choice = choose.apply(time.slotId());
                render(choice);
                afterChoice.accept(choice);
            });
            pick.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            pick.getElement().setAttribute("aria-label", "Choose " + WHEN.format(time.start()));
            var block = new Div(new H3(WHEN.format(time.start()) + "–" + UNTIL.format(time.end())),
                    new Paragraph(time.label() + " with " + time.therapistName() + " · " + time.where()), pick);
            block.addClassName("client-session");
            block.addClassName("offered-time");
            add(block);
        }
    }
}
