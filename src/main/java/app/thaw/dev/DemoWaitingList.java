package app.thaw.dev;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.care.CareEvent;
import app.thaw.care.CareEventKind;
import app.thaw.care.CareRecords;
import app.thaw.caseaccess.CaseAccess;
import app.thaw.caseaccess.CaseGrant;
import app.thaw.caseaccess.CaseOperation;
import app.thaw.dev.DemoIntakes.DemoClient;
import app.thaw.intake.IntakeStatus;
import app.thaw.waitlist.DemoWaitlistSeeding;

/**
 * Local runs: three clients on their own and one couple, referred a day or two after they wrote and waiting since for
 * a first session, so the waiting list, its waits and its offers have people to show.
 */
@Component
@Profile("dev")
class DemoWaitingList {

    private static final int ALONE = 3;

    private final CaseAccess access;
    private final CareRecords care;
    private final DemoWaitlistSeeding waitlist;
    private final Clock clock;

    DemoWaitingList(CaseAccess access, CareRecords care, DemoWaitlistSeeding waitlist, Clock clock) {
        this.access = access;
        this.care = care;
        this.waitlist = waitlist;
        this.clock = clock;
    }

    /** Runs as the system (DemoData) on the routine clients still new; returns those put on the list. */
    @Transactional
    List<DemoClient> create(List<DemoClient> clients) {
        List<DemoClient> fresh = clients.stream().filter(c -> !c.urgent())
                .filter(c -> care.stage(grant(c)).status() == IntakeStatus.NEW).toList();
        Set<Long> freshIds = fresh.stream().map(DemoClient::intakeId).collect(Collectors.toSet());
        List<DemoClient> waiting = new ArrayList<>(fresh.stream().filter(c -> !c.couple()).limit(ALONE).toList());
        fresh.stream().filter(c -> c.partner() != null && freshIds.contains(c.partner())).findFirst()
                .ifPresent(first -> {
                    waiting.add(first);
                    fresh.stream().filter(c -> Objects.equals(c.intakeId(), first.partner())).findFirst()
                            .ifPresent(waiting::add);
                });
        for (DemoClient client : waiting) {
            Instant referred = referredAt(client);
            care.record(grant(client), List.of(CareEvent.referred(client.couple() ? "COUPLES" : "INDIVIDUAL", referred),
                    CareEvent.of(CareEventKind.WAITLISTED, referred)));
            waitlist.waitingSince(access.require(client.intakeId(), CaseOperation.READ_BOOKING_DETAILS), referred);
        }
        return waiting;
    }

    /** Two days after the form came in, or an hour ago for one that came in since. */
    private Instant referredAt(DemoClient client) {
        Instant twoDaysOn = client.submittedAt().plus(Duration.ofDays(2));
        Instant anHourAgo = clock.instant().minus(Duration.ofHours(1));
        return twoDaysOn.isBefore(anHourAgo) ? twoDaysOn : anHourAgo.isAfter(client.submittedAt()) ? anHourAgo
                : client.submittedAt();
    }

    private CaseGrant grant(DemoClient client) {
        return access.require(client.intakeId(), CaseOperation.READ_CLINICAL);
    }
}
