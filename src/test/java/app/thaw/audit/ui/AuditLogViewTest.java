package app.thaw.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.Application;
import app.thaw.base.ids.CaseReference;
import app.thaw.IntegrationTest;
import app.thaw.audit.AuditEntry;
import app.thaw.audit.AuditFilter;
import app.thaw.audit.AuditLog;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.review.CaseOpeningService;
import app.thaw.review.ReviewTestData;

@IntegrationTest
class AuditLogViewTest extends SpringBrowserlessTest {

    @Autowired
    IntakeService intake;

    @Autowired
    UserDetailsService staff;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CaseOpeningService caseOpening;

    @Autowired
    AuditLog auditLog;

    @Autowired
    Clock clock;

    @Test
    @WithUserDetails("admin")
    void theManagerSeesWhoOpenedACaseFilteredByItsReference() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var submitted = data.submit(IntakeFixtures.completeAnswers(ReviewTestData.uniqueWord() + " Audited"));
        data.asInOwnThread("amira", () -> caseOpening.openCase(CaseReference.of(submitted.reference())));

        navigate(AuditLogView.class);
        test(find(TextField.class).withLabel("Case reference").single()).setValue(submitted.reference());

        @SuppressWarnings("unchecked")
        Grid<AuditEntry> grid = find(Grid.class).single();
        List<AuditEntry> rows = test(grid).size() == 0 ? List.of()
                : java.util.stream.IntStream.range(0, test(grid).size()).mapToObj(i -> test(grid).getRow(i)).toList();
        assertThat(rows).extracting(AuditEntry::actorName).contains("Dr Amira Khan", "system");
        assertThat(rows).extracting(e -> e.action().name()).contains("CASE_OPENED", "INTAKE_SUBMITTED");
        // the status change reads in words, and the detail takes the largest share of the room left over
        assertThat(java.util.stream.IntStream.range(0, rows.size()).mapToObj(i -> test(grid).getCellText(i, 4)))
                .contains("New → In review");
        assertThat(grid.getColumns().stream().max(java.util.Comparator.comparingInt(Grid.Column::getFlexGrow)))
                .map(Grid.Column::getHeaderText).contains("Detail");
        assertThat(grid.getColumns()).filteredOn(column -> column.getFlexGrow() >= 3)
                .extracting(Grid.Column::getHeaderText).containsExactly("Detail");
    }

    @Test
    @WithUserDetails("admin")
    void onAPhoneEachEntryIsACardWithItsActionFirst() {
        var data = new ReviewTestData(intake, staff, jdbc);
        var submitted = data.submit(IntakeFixtures.completeAnswers(ReviewTestData.uniqueWord() + " Carded"));
        var view = navigate(AuditLogView.class);
        test(find(TextField.class).withLabel("Case reference").single()).setValue(submitted.reference());
        @SuppressWarnings("unchecked")
        Grid<AuditEntry> grid = find(Grid.class).single();

        view.fitTo(390);
        assertThat(grid.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getHeaderText))
                .containsExactly("Entries");
        assertThat(test(grid).getCellComponent(0, 0).getElement().getTextRecursively())
                .startsWith("Intake submitted · " + submitted.reference()).contains(" · system");

        view.fitTo(1280);
        assertThat(grid.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getHeaderText))
                .containsExactly("When", "Who", "Action", "Case", "Detail");
    }

    @Test
    @WithUserDetails("admin")
    void pagesFollowTheLogBackwardsWithoutRepeatsOrGaps() {
        List<AuditEntry> all = auditLog.search(AuditFilter.everything(), null, 1000);
        var seen = new HashSet<Long>();
        Long before = null;
        for (int page = 0; page < 20; page++) {
            List<AuditEntry> rows = auditLog.search(AuditFilter.everything(), before, 3);
            rows.forEach(row -> assertThat(seen.add(row.id())).isTrue());
            if (rows.size() < 3) {
                break;
            }
            before = rows.getLast().id();
        }
        assertThat(seen).containsAll(all.stream().limit(Math.min(all.size(), 60)).map(AuditEntry::id).toList());
    }

    @Test
    @WithUserDetails("admin")
    void theViewerOpensOnTheLastThreeMonthsAndAllTimeIsAskedForExplicitly() {
        navigate(AuditLogView.class);
        var from = find(DatePicker.class).withLabel("From").single();
        var to = find(DatePicker.class).withLabel("To").single();
        LocalDate today = LocalDate.now(clock.withZone(Application.PRACTICE_ZONE));

        assertThat(from.getValue()).isEqualTo(today.minusMonths(3));
        assertThat(to.getValue()).isNull();
        // a "To" before "From" says so under itself rather than leaving an empty log to puzzle over
        assertThat(to.getMin()).isEqualTo(today.minusMonths(3));
        to.setValue(today.minusMonths(4));
        assertThat(to.isInvalid()).isTrue();
        assertThat(to.getErrorMessage()).isEqualTo("This is before the ‘From’ date.");
        to.setValue(today);
        assertThat(to.isInvalid()).isFalse();
        to.clear();

        test(find(Checkbox.class).withLabel("All time").single()).click();
        assertThat(from.getValue()).isNull();
        assertThat(from.isEnabled()).isFalse();
        assertThat(to.isEnabled()).isFalse();

        test(find(Checkbox.class).withLabel("All time").single()).click();
        assertThat(from.getValue()).isEqualTo(today.minusMonths(3));
        assertThat(from.isEnabled()).isTrue();
    }

    @Test
    @WithUserDetails("admin")
    void theDatesBoundTheSearchInLondonDays() {
        // the first moment of this London month: its partition is always made (this month and three ahead)
        LocalDate first = LocalDate.now(clock.withZone(Application.PRACTICE_ZONE)).withDayOfMonth(1);
        String reference = "Z" + Math.floorMod(System.nanoTime(), 100_000_000L);
        jdbc.update("insert into audit_entry (occurred_at, actor_name, action, case_reference) values (?, ?, ?, ?)",
                java.sql.Timestamp.from(first.atStartOfDay(Application.PRACTICE_ZONE).toInstant()), "system",
                "CASE_OPENED", reference);

        assertThat(auditLog.search(new AuditFilter(null, reference, null, first, first), null, 10)).hasSize(1);
        assertThat(auditLog.search(new AuditFilter(null, reference, null, null, null), null, 10)).hasSize(1);
        assertThat(auditLog.search(new AuditFilter(null, reference, null, first.plusDays(1), null), null, 10))
                .isEmpty();
        assertThat(auditLog.search(new AuditFilter(null, reference, null, null, first.minusDays(1)), null, 10))
                .isEmpty();
    }

    @Test
    @WithUserDetails("amira")
    void aTherapistCannotOpenTheAuditLog() {
        UI.getCurrent().navigate(AuditLogView.class);

        assertThat(getCurrentView()).isNotInstanceOf(AuditLogView.class);
    }
}
