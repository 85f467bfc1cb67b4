package app.thaw.dev;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import app.thaw.dev.DemoIntakes.DemoForm;
import app.thaw.review.CareActions;

/**
 * Local runs: three clients on their own and one couple, reviewed and referred by a therapist a day or two after they
 * wrote and put on the waiting list then, so the list shows how long people wait and each case's history reads as
 * the practice worked it.
 */
@Component
@Profile("dev")
class DemoWaitingList {

    private static final int ALONE = 3;
    private static final List<String> REVIEWERS = List.of("amira", "grace");

    private final DemoReview review;
    private final CareActions care;
    private final Clock clock;

    DemoWaitingList(DemoReview review, CareActions care, Clock clock) {
        this.review = review;
        this.care = care;
        this.clock = clock;
    }

    /** Steps for the routine clients nobody else in the demo takes on; returns the forms of those put on the list. */
    List<DemoForm> plan(DemoTimeline timeline, List<DemoForm> forms, Collection<DemoForm> taken,
                        DemoIntakes.Sent sent) {
        List<DemoForm> free = forms.stream().filter(f -> f.index() >= DemoIntakes.IN_THERAPY && !taken.contains(f))
                .toList();
        List<DemoForm> waiting = new ArrayList<>(free.stream().filter(DemoForm::routineAlone).limit(ALONE).toList());
        for (int i = 0; i < waiting.size(); i++) {
            list(timeline, sent, REVIEWERS.get(i % REVIEWERS.size()), waiting.get(i), null, i == 1);
        }
        Optional<DemoForm> first = free.stream().filter(f -> f.couple() && !f.urgent() && f.invitedBy() == null)
                .filter(f -> partnerOf(f, free).isPresent()).findFirst();
        if (first.isPresent()) {
            DemoForm partner = partnerOf(first.get(), free).orElseThrow();
            list(timeline, sent, REVIEWERS.get(waiting.size() % REVIEWERS.size()), first.get(), partner, false);
            waiting.add(first.get());
            waiting.add(partner);
        }
        return waiting;
    }

    private static Optional<DemoForm> partnerOf(DemoForm first, List<DemoForm> forms) {
        return forms.stream().filter(f -> first.equals(f.invitedBy()) && !f.urgent()).findFirst();
    }

    private void list(DemoTimeline timeline, DemoIntakes.Sent sent, String therapist, DemoForm client,
                      @Nullable DemoForm partner, boolean disagreeOnce) {
        Instant wrote = partner == null || client.at().isAfter(partner.at()) ? client.at() : partner.at();
        timeline.at(referredAt(wrote), () -> review.refer(therapist, sent.intakeId(client),
                partner == null ? null : sent.intakeId(partner), disagreeOnce,
                intake -> care.addToWaitingList(intake, partner != null)));
    }

    /** Two days after the form came in, or an hour ago for one that came in since. */
    private Instant referredAt(Instant wrote) {
        Instant twoDaysOn = wrote.plus(Duration.ofDays(2));
        Instant anHourAgo = clock.instant().minus(Duration.ofHours(1));
        return twoDaysOn.isBefore(anHourAgo) ? twoDaysOn : anHourAgo.isAfter(wrote) ? anHourAgo : wrote;
    }
}
