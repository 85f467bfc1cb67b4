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

    private static SubjectAccessExport export(List<SubjectAccessExport.Session> sessions) {
        return new SubjectAccessExport(SubjectAccessExport.FORMAT, SubjectAccessExport.FORMAT_VERSION, SENT, "admin",
                "Thaw", new SubjectAccessExport.Client("T-1", "Ari Test", null, null, "ari@example.org", "0161",
                        "In therapy", "Individual", SENT),
                new SubjectAccessExport.Consent("v1", SENT, SENT, true, true),
                new SubjectAccessExport.Couple("None", null), new SubjectAccessExport.Questionnaire("intake", 2, "Form"),
                List.of(), List.of(), List.of(), new SubjectAccessExport.Review("Dr Amira Khan", null, null, null),
                List.of(), List.of(), List.of(), sessions, List.of(), List.of(), List.of(), List.of());
    }
}
