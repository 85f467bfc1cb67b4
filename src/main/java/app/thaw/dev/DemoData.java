package app.thaw.dev;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import app.thaw.dev.DemoIntakes.DemoClient;
import app.thaw.intake.DemoIntakeSeeding;
import app.thaw.security.StaffAccountService;
import app.thaw.security.SystemActor;

/**
 * The practice's demo data for local runs, made once (on a database without intakes), after the demo logins: intakes,
 * then the diary, then outcome measures, then the waiting list, each committed so the features' own listeners set up
 * what follows.
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
            List<DemoClient> clients = intakes.create();
            log.info("Created {} demo intakes", clients.size());
            List<DemoClient> booked = diary.create(staff, clients);
            log.info("Created demo rooms, working hours and sessions");
            if (outcomes.create(staff, clients.stream().filter(c -> !booked.contains(c)).toList(), clients)) {
                log.info("Created demo outcome measures: a couple and an individual with weekly sessions each; the "
                        + "couple's improving partner's status page is /status/{}", DemoOutcomes.DEMO_STATUS_TOKEN);
            }
            log.info("Put {} demo clients on the waiting list", waitingList.create(clients).size());
        });
    }
}
