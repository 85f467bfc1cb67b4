package app.thaw.waitlist;

import java.util.Optional;

import jakarta.annotation.security.PermitAll;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.ids.HeldSlotId;
import app.thaw.base.domain.SecretToken;
import app.thaw.intake.ClientOffers;
import app.thaw.intake.VerifiedClient;
import app.thaw.waitlist.domain.OfferStore;
import app.thaw.waitlist.domain.WaitlistStore;

/**
 * The client's side of an offer. Clients are anonymous: either their offer link (a capability token, made for one
 * client of one offer) or their status link (checked by intake, which hands over a {@link VerifiedClient}) names
 * them, and only their own case's offer is ever shown or chosen from.
 */
@Service
public class ClientOfferService implements ClientOffers {

    private final WaitlistStore store;
    private final OfferStore offers;
    private final OfferChoices choices;

    ClientOfferService(WaitlistStore store, OfferStore offers, OfferChoices choices) {
        this.store = store;
        this.offers = offers;
        this.choices = choices;
    }

    @Override
    @PermitAll
    @Transactional(readOnly = true)
    public Offered offered(VerifiedClient client) {
        return choices.offered(client.intakeId(), null);
    }

    @Override
    @PermitAll
    public Choice choose(VerifiedClient client, HeldSlotId slotId) {
        return store.entryOf(client.intakeId())
                .flatMap(entry -> offers.latestOffer(entry.id()))
                .map(offer -> choices.choose(offer.id(), client.intakeId(), slotId.value()))
                .orElse(new Choice(false, "There is no offer to choose from. Please call the practice."));
    }

    /**
     * The offer behind a private offer link; empty for an unknown or malformed link, or one whose client is no longer
     * on the offer's case.
     */
    @PermitAll
    @Transactional(readOnly = true)
    public Optional<Offered> offeredByLink(String offerToken) {
        return link(offerToken).filter(link -> choices.offeredTo(link.offerId(), link.intakeId()))
                .map(link -> choices.offered(link.intakeId(), link.offerId()));
    }

    @PermitAll
    public Choice chooseByLink(String offerToken, HeldSlotId slotId) {
        return link(offerToken).map(link -> choices.choose(link.offerId(), link.intakeId(), slotId.value()))
                .orElse(new Choice(false, "We couldn't find that offer. Please check the link in your email."));
    }

    private Optional<OfferStore.Link> link(String token) {
        return token != null && SecretToken.isWellFormed(token) ? offers.link(SecretToken.hash(token))
                : Optional.empty();
    }
}
