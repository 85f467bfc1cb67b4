package app.thaw.dev;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import app.thaw.care.CareRecords;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.dev.DemoIntakes.DemoClient;
import app.thaw.intake.IntakeStatus;
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

    private final CaseAccess access;
    private final CareRecords records;
    private final DemoReview review;
    private final CareActions care;
    private final Clock clock;

    DemoWaitingList(CaseAccess access, CareRecords records, DemoReview review, CareActions care, Clock clock) {
        this.access = access;
        this.records = records;
        this.review = review;
        this.care = care;
        this.clock = clock;
    }

    /** Runs as the system (DemoData) on the routine clients still new; returns those put on the list. */
    List<DemoClient> create(List<DemoClient> clients) {
        List<DemoClient> fresh = clients.stream().filter(c -> !c.urgent())
                .filter(c -> records.stage(access.require(c.intakeId(), CaseOperation.READ_CLINICAL)).status()
                        == IntakeStatus.NEW).toList();
        Set<Long> freshIds = fresh.stream().map(DemoClient::intakeId).collect(Collectors.toSet());
        List<DemoClient> waiting = new ArrayList<>(fresh.stream().filter(c -> !c.couple()).limit(ALONE).toList());
        for (int i = 0; i < waiting.size(); i++) {
            list(REVIEWERS.get(i % REVIEWERS.size()), waiting.get(i), null, i == 1);
        }
        Optional<DemoClient> first = fresh.stream().filter(c -> c.partner() != null && freshIds.contains(c.partner()))
                .findFirst();
        Optional<DemoClient> second = first.flatMap(f -> fresh.stream()
                .filter(c -> Objects.equals(c.intakeId(), f.partner())).findFirst());
        if (first.isPresent() && second.isPresent()) {
            list(REVIEWERS.get(waiting.size() % REVIEWERS.size()), first.get(), second.get(), false);
            waiting.add(first.get());
            waiting.add(second.get());
        }
        return waiting;
    }

    private void list(String therapist, DemoClient client, @Nullable DemoClient partner, boolean disagreeOnce) {
        Instant wrote = partner == null || client.submittedAt().isAfter(partner.submittedAt())
                ? client.submittedAt() : partner.submittedAt();
        review.refer(therapist, referredAt(wrote), client, partner, disagreeOnce,
                intake -> care.addToWaitingList(intake, partner != null));
    }

    /** Two days after the form came in, or an hour ago for one that came in since. */
    private Instant referredAt(Instant wrote) {
        Instant twoDaysOn = wrote.plus(Duration.ofDays(2));
        Instant anHourAgo = clock.instant().minus(Duration.ofHours(1));
        return twoDaysOn.isBefore(anHourAgo) ? twoDaysOn : anHourAgo.isAfter(wrote) ? anHourAgo : wrote;
    }
}
