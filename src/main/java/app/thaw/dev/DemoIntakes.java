package app.thaw.dev;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.intake.DemoIntakeSeeding;
import app.thaw.intake.RequestedType;
import app.thaw.intake.questionnaire.Answers;

/**
 * A few dozen realistic intakes for local runs, over the last three weeks but for three clients in therapy since
 * (written about two months ago): routine and urgent, individual and couples (linked partners), each sent through the
 * client's own submission at its moment. Fixed seed; never in production.
 */
@Component
@Profile("dev")
class DemoIntakes {

    /**
     * A demo form before it is sent: what the client answered and when; {@code invitedBy} is the first partner's form
     * on the second partner's. {@code couple}: the form asks for couples work.
     */
    record DemoForm(int index, Answers answers, Instant at, boolean couple, boolean urgent, RequestedType requestedType,
                    @Nullable DemoForm invitedBy) {

        boolean routineAlone() {
            return !urgent && !couple;
        }
    }

    /** The forms as sent: each form's intake, known from the step that sent it on. */
    static final class Sent {
        private final Map<Integer, Long> intakes = new HashMap<>();
        private final Map<Integer, String> invitations = new HashMap<>();
        private final Map<Integer, String> statusTokens = new HashMap<>();

        long intakeId(DemoForm form) {
            return Objects.requireNonNull(intakes.get(form.index()),
                    "a demo step ran before its client's form was sent");
        }

        /** The client's private status link, as their confirmation gave it: what they act through. */
        String statusToken(DemoForm form) {
            return Objects.requireNonNull(statusTokens.get(form.index()),
                    "a demo step ran before its client's form was sent");
        }
    }

    /** The first couple and the client after them wrote about two months ago: they are in therapy now. */
    static final int IN_THERAPY = 3;
    private static final Duration IN_THERAPY_WROTE = Duration.ofDays(65);
    /**
     * How hard those three found things when they wrote, so their repeat measures tell their story from it: the
     * partner who gets better (PHQ-9 about 16, then 12 down to 6), the one who does not (about 9, then up to 13), the
     * individual who recovers (about 16, then down to 3).
     */
    private static final int[] IN_THERAPY_BURDEN = {2, 1, 2};

    private final DemoIntakeSeeding intakes;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoIntakes(DemoIntakeSeeding intakes, PlatformTransactionManager transactions, Clock clock) {
        this.intakes = intakes;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Who writes what, and when: the same practice on every fresh demo. */
    List<DemoForm> plan() {
        var random = new Random(2026);
        Instant now = clock.instant();
        List<DemoForm> forms = new ArrayList<>();
        for (int i = 0; i < DemoAnswers.count(); i++) {
            Instant recently = now.minus(Duration.ofMinutes(30L + random.nextInt(21 * 24 * 60)));
            Instant at = i < IN_THERAPY ? now.minus(IN_THERAPY_WROTE).plus(Duration.ofDays(i)) : recently;
            boolean couples = i % 5 == 0 && i + 1 < DemoAnswers.count();
            boolean urgent = i % 11 == 3;
            Answers answers = DemoAnswers.answers(DemoAnswers.name(i), random, couples, urgent, burden(i));
            var form = new DemoForm(i, answers, at, couples, urgent, requestedType(answers), null);
            forms.add(form);
            if (couples) {
                i++;
                Instant nextDay = at.plus(Duration.ofHours(20));
                Answers partner = DemoAnswers.answers(DemoAnswers.name(i), random, true, false, burden(i));
                forms.add(new DemoForm(i, partner, nextDay.isBefore(now) ? nextDay : now.minus(Duration.ofMinutes(10)),
                        true, false, requestedType(partner), form));
            }
        }
        return forms;
    }

    /** Adds a step for each form, sent at its moment (a partner's with the first partner's invitation). */
    void send(DemoTimeline timeline, List<DemoForm> forms, Sent sent) {
        for (DemoForm form : forms) {
            timeline.at(form.at(), () -> {
                DemoForm inviter = form.invitedBy();
                String invitation = inviter == null ? null : sent.invitations.get(inviter.index());
                var submitted = Objects.requireNonNull(transaction.execute(status ->
                        intakes.submit(form.answers(), invitation, form.at())));
                sent.intakes.put(form.index(), submitted.intakeId());
                sent.statusTokens.put(form.index(), submitted.receipt().statusToken());
                String ownInvitation = submitted.receipt().partnerInvitationToken();
                if (ownInvitation != null) {
                    sent.invitations.put(form.index(), ownInvitation);
                }
            });
        }
    }

    private static @Nullable Integer burden(int index) {
        return index < IN_THERAPY ? IN_THERAPY_BURDEN[index] : null;
    }

    private static RequestedType requestedType(Answers answers) {
        return RequestedType.fromAnswer(answers.single("preferences.session_type").orElse(""));
    }
}
