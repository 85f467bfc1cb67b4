package app.thaw.outcomes;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.domain.SecretToken;
import app.thaw.intake.ClientMeasures;
import app.thaw.intake.VerifiedClient;
import app.thaw.outcomes.domain.MeasureStore;

/**
 * The client's status page: their open questions, a fresh private link to one of them, and their own progress in
 * plain words (their own scores only, never a partner's), unless their therapist switched it off for the case.
 */
@Component
@Transactional
class StatusPageMeasures implements ClientMeasures {

    private final MeasureStore store;
    private final MeasureCatalog catalog;
    private final Clock clock;

    StatusPageMeasures(MeasureStore store, MeasureCatalog catalog, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public List<Invitation> open(VerifiedClient client) {
        return store.openRequests(client.intakeId(), clock.instant()).stream()
                .map(r -> new Invitation(r.id(), r.sessionStarts(), r.expiresAt(), questions(r.measures()))).toList();
    }

    @Override
    public Optional<String> link(VerifiedClient client, long requestId) {
        Instant now = clock.instant();
        return store.openRequests(client.intakeId(), now).stream().filter(r -> r.id() == requestId).findFirst()
                .map(request -> {
                    String token = SecretToken.generate();
                    store.addLink(SecretToken.hash(token), request.id(), now);
                    return OutcomeLinks.form(token);
                });
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> progress(VerifiedClient client) {
        boolean shown = store.plan(client.intakeId()).map(MeasureStore.Plan::clientProgress).orElse(true);
        if (!shown) {
            return List.of();
        }
        // the client's own intake only: a partner's answers are never part of this
        List<MeasureStore.Response> mine = store.responses(List.of(client.intakeId()));
        List<String> lines = new ArrayList<>();
        line(lines, mine, Measure.PHQ9, MeasureStore.Response::phq9);
        line(lines, mine, Measure.GAD7, MeasureStore.Response::gad7);
        line(lines, mine, Measure.FEELINGS, MeasureStore.Response::feelings);
        line(lines, mine, Measure.CSI4, MeasureStore.Response::csi4);
        return lines;
    }

    /** "Low mood: 15 at the start, 9 now (lower is better). That is a real improvement." */
    static void line(List<String> lines, List<MeasureStore.Response> responses, Measure measure,
                     Function<MeasureStore.Response, Integer> score) {
        List<Integer> values = responses.stream().map(score).filter(java.util.Objects::nonNull).toList();
        if (values.size() < 2) {
            return;
        }
        int first = values.getFirst();
        int last = values.getLast();
        String direction = measure.higherIsBetter() ? "higher is better" : "lower is better";
        int better = measure.higherIsBetter() ? last - first : first - last;
        String words = better == 0 ? "About the same as at the start."
                : better > 0 ? "Better than at the start." : "Harder than at the start; your therapist will talk "
                        + "this through with you.";
        lines.add(measure.clientLabel() + ": " + first + " at the start, " + last + " now (out of " + measure.max()
                + "; " + direction + "). " + words);
    }

    private int questions(String measures) {
        return Measure.parse(measures).stream().mapToInt(m -> catalog.definition(m).items().size()).sum();
    }
}
