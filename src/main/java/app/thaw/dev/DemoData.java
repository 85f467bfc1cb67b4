package app.thaw.dev;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import app.thaw.dev.DemoIntakes.DemoForm;
import app.thaw.intake.DemoIntakeSeeding;
import app.thaw.security.StaffAccountService;
import app.thaw.security.SystemActor;

/**
 * The practice's demo data for local runs, made once (on a database without intakes), after the demo logins: the
 * forms, the diary, the clients in therapy and the waiting list each add their steps to one timeline, run in time
 * order, each step committed at its moment so the features' own listeners set up what follows (ADR 27).
 */
@Component
@Profile("dev")
@Order(10)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DemoIntakeSeeding seeding;
    private final StaffAccountService staffAccounts;
    private final DemoIntakes intakes;
    private final DemoDiary diary;
    private final DemoOutcomes outcomes;
    private final DemoWaitingList waitingList;

    DemoData(DemoIntakeSeeding seeding, StaffAccountService staffAccounts, DemoIntakes intakes, DemoDiary diary,
             DemoOutcomes outcomes, DemoWaitingList waitingList) {
        this.waitingList = waitingList;
        this.seeding = seeding;
        this.staffAccounts = staffAccounts;
        this.intakes = intakes;
        this.diary = diary;
        this.outcomes = outcomes;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemActor.run(() -> {
            if (seeding.anySubmitted()) {
                return;
            }
            DemoStaff staff = DemoStaff.of(staffAccounts);
            List<DemoForm> forms = intakes.plan();
            var sent = new DemoIntakes.Sent();
            var timeline = new DemoTimeline();
            intakes.send(timeline, forms, sent);
            List<DemoForm> booked = diary.plan(timeline, staff, forms, sent);
            List<DemoForm> inTherapy = outcomes.plan(timeline, staff, forms, sent);
            List<DemoForm> waiting = waitingList.plan(timeline, forms,
                    java.util.stream.Stream.concat(booked.stream(), inTherapy.stream()).toList(), sent);
            timeline.run();
            log.info("Created {} demo intakes, rooms and working weeks; {} clients with a first session booked, {} in "
                    + "therapy with weekly outcome measures (the couple's improving partner's status page is "
                    + "/status/{}), {} on the waiting list", forms.size(), booked.size(), inTherapy.size(),
                    DemoOutcomes.DEMO_STATUS_TOKEN, waiting.size());
        });
    }
}
