package app.thaw.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A session note is clinical judgement: the clinician may withhold it, while the session itself stays listed. */
class DisclosureItemsTest {

    private static final Instant SENT = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void aSessionNoteIsWithholdableAndOnlyTheNoteGoes() {
        var attended = session(Instant.parse("2026-03-09T10:00:00Z"), "Spoke about the funeral.");
        var noNote = session(Instant.parse("2026-03-16T10:00:00Z"), null);
        var export = export(List.of(attended, noNote));

        var items = DisclosureItems.of(export);
        assertThat(items).filteredOn(item -> item.group().equals(DisclosureItems.SESSION_NOTES)).singleElement()
                .satisfies(item -> {
                    assertThat(item.text()).isEqualTo("Spoke about the funeral.");
                    assertThat(item.title()).startsWith("Session with Dr Amira Khan");
                });
        String key = items.stream().filter(item -> item.group().equals(DisclosureItems.SESSION_NOTES))
                .findFirst().orElseThrow().key();

        var released = DisclosureItems.withhold(export, Set.of(key));
        assertThat(released.appointments()).hasSize(2).allSatisfy(s -> assertThat(s.sessionNote()).isNull());
        assertThat(released.appointments()).extracting(SubjectAccessExport.Session::start)
                .containsExactly(attended.start(), noNote.start());
        assertThat(released.leftOut()).contains(DisclosureItems.WITHHELD_STATEMENT);
        assertThat(DisclosureItems.fingerprint(DisclosureItems.of(released)))
                .isNotEqualTo(DisclosureItems.fingerprint(items));
    }

    private static SubjectAccessExport.Session session(Instant start, String note) {
        return new SubjectAccessExport.Session(start, start.plusSeconds(3000), "Individual session", "Online", null,
                "Dr Amira Khan", false, "Attended", SENT, null, null, null, List.of(), note);
    }

    @Test
    void eachAnsweredMeasureIsWithholdableOnItsOwn() {
        var first = new SubjectAccessExport.MeasureSet(SENT, "Your intake form", "PHQ-9 (low mood)", 14, 27,
                List.of(new SubjectAccessExport.MeasureAnswer("Little interest or pleasure in doing things",
                        "More than half the days")));
        var later = new SubjectAccessExport.MeasureSet(Instant.parse("2026-03-09T09:00:00Z"), "Before a session",
                "PHQ-9 (low mood)", 6, 27, List.of());
        var export = withMeasures(export(List.of()), List.of(first, later));

        var items = DisclosureItems.of(export).stream()
                .filter(item -> item.group().equals(DisclosureItems.MEASURES)).toList();
        assertThat(items).hasSize(2);
        assertThat(items.getFirst().text()).isEqualTo("Score 14 of 27\nLittle interest or pleasure in doing things: "
                + "More than half the days");
        assertThat(items.getFirst().title()).startsWith("PHQ-9 (low mood) · Your intake form");

        var released = DisclosureItems.withhold(export, Set.of(items.getFirst().key()));
        assertThat(released.measures()).containsExactly(later);
        assertThat(released.leftOut()).contains(DisclosureItems.WITHHELD_STATEMENT);
    }

    private static SubjectAccessExport withMeasures(SubjectAccessExport e, List<SubjectAccessExport.MeasureSet> m) {
        return new SubjectAccessExport(e.format(), e.formatVersion(), e.generatedAt(), e.generatedBy(), e.practice(),
                e.client(), e.consent(), e.couple(), e.questionnaire(), e.answers(), e.scores(), e.riskFlags(),
                e.review(), e.factors(), e.referrals(), e.notes(), e.appointments(), m, e.statusHistory(), e.emails(),
                e.accessLog(), e.leftOut());
    }

    private static SubjectAccessExport export(List<SubjectAccessExport.Session> sessions) {
        return new SubjectAccessExport(SubjectAccessExport.FORMAT, SubjectAccessExport.FORMAT_VERSION, SENT, "admin",
                "Thaw", new SubjectAccessExport.Client("T-1", "Ari Test", null, null, "ari@example.org", "0161",
                        "In therapy", "Individual", SENT),
                new SubjectAccessExport.Consent("v1", SENT, SENT, true, true),
                new SubjectAccessExport.Couple("None", null), new SubjectAccessExport.Questionnaire("intake", 2, "Form"),
                List.of(), List.of(), List.of(), new SubjectAccessExport.Review("Dr Amira Khan", null, null, null),
                List.of(), List.of(), List.of(), sessions, List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
