package app.thaw.waitlist.ui;

import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import app.thaw.base.ids.HeldSlotId;
import app.thaw.base.ui.StatusLine;
import app.thaw.base.PracticeTime;
import app.thaw.base.ui.PublicLayout;
import app.thaw.intake.ClientOffers;
import app.thaw.waitlist.ClientOfferService;

import org.jspecify.annotations.Nullable;

/** The client's private offer link from their email: the times kept for them, to choose one. */
@Route(value = "offer/:token", layout = PublicLayout.class)
@PageTitle("Choose a time · Thaw")
@AnonymousAllowed
public class OfferView extends Div implements BeforeEnterObserver {

    private static final DateTimeFormatter WHEN = PracticeTime.WEEKDAY_TIME;
    private static final DateTimeFormatter UNTIL = PracticeTime.TIME;
    private static final DateTimeFormatter KEPT = PracticeTime.WEEKDAY_AT;

    private final ClientOfferService offers;
    private String token = "";

    public OfferView(ClientOfferService offers) {
        this.offers = offers;
        addClassName("status-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        render(null);
    }

    private void render(ClientOffers.@Nullable Choice outcome) {
        removeAll();
        var offered = offers.offeredByLink(token);
        if (offered.isEmpty()) {
            add(new H1("We couldn't find that offer"), new Paragraph("Please check the link in your email, or call "
                    + "the practice."));
            return;
        }
        add(new H1("Your first session"));
        if (outcome != null) {
            add(StatusLine.of(outcome.message(), "offer-outcome", "wizard-notice"));
        }
        var offer = offered.get();
        if (offer.times().isEmpty()) {
            if (outcome == null && offer.note() != null) {
                add(new Paragraph(offer.note()));
            }
            add(statusPagePointer());
            return;
        }
        var howToChoose = new Paragraph(offer.howToChoose(KEPT.format(offer.openUntil())));
        howToChoose.setId("offer-how-to-choose");
        add(howToChoose);
        for (ClientOffers.Time time : offer.times()) {
            var pick = new Button("Choose this time",
                    click -> render(offers.chooseByLink(token, HeldSlotId.of(time.slotId()))));
            pick.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            var block = new Div(new H3(WHEN.format(time.start()) + "–" + UNTIL.format(time.end())),
                    new Paragraph(time.label() + " with " + time.therapistName() + " · " + time.where()), pick);
            block.addClassName("client-session");
            add(block);
        }
        add(statusPagePointer());
    }

    /**
     * The way on to the client's status page, named rather than linked: an offer link, made to choose a time, must not
     * become a key to the page that cancels sessions and shows far more.
     */
    private static Paragraph statusPagePointer() {
        var pointer = new Paragraph("Your private status page shows what's booked and what happens next. Its link is "
                + "in the first email we sent you, ‘We have received your form’.");
        pointer.addClassName("status-page-pointer");
        return pointer;
    }
}
