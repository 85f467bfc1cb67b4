package app.thaw.review.ui;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import org.jspecify.annotations.Nullable;

import app.thaw.base.ids.IntakeId;
import app.thaw.review.CaseDetail;
import app.thaw.review.CaseTransferExport;
import app.thaw.security.StaffSummary;

/**
 * What can be done with a case as a whole: take it on or hand it over, correct an answer, book, measures, export.
 * "Assign to" shows whose case it is; emptied, it returns the case to the shared queue.
 */
class CaseActionBar extends HorizontalLayout {

    private final Button toMe;
    private final ComboBox<StaffSummary> colleague;
    private final List<StaffSummary> therapists;
    private final long me;

    CaseActionBar(String reference, long intakeId, List<StaffSummary> therapists, long me,
                  @Nullable CaseTransferExport transfer, Runnable assignToMe, Consumer<@Nullable StaffSummary> assign,
                  Runnable correctAnswer) {
        this.therapists = therapists;
        this.me = me;
        toMe = new Button("Assign to me (Alt+A)", click -> assignToMe.run());
        toMe.setId("assign-to-me");
        colleague = new ComboBox<>("Assign to");
        colleague.setId("assign-to");
        colleague.setItems(therapists);
        colleague.setItemLabelGenerator(StaffSummary::displayName);
        colleague.setClearButtonVisible(true);
        colleague.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                assign.accept(change.getValue());
            }
        });
        // the diary opens its booking dialog for this case, with the partner and the free-slot finder
        var book = new Anchor("staff/calendar?case=" + reference, "Book a session");
        book.addClassName("book-session-link");
        // the outcome measures' own screen (charts, alerts, what the case is asked)
        var measures = new Anchor("staff/cases/" + reference + "/measures", "Outcome measures");
        measures.addClassName("outcome-measures-link");
        var amend = new Button("Correct an answer", click -> correctAnswer.run());
        add(toMe, colleague, amend, book, measures);
        if (transfer != null) {
            var export = new Anchor(DownloadHandler.fromInputStream(event -> {
                var file = transfer.download(IntakeId.of(intakeId));
                return new DownloadResponse(new ByteArrayInputStream(file.content()), file.fileName(),
                        file.contentType(), file.content().length);
            }), AttachmentType.DOWNLOAD, transfer.label());
            export.addClassName("transfer-download");
            add(export);
        }
        setAlignItems(Alignment.BASELINE);
        addClassName("case-actions");
    }

    /**
     * Whose case it is now: named in "Assign to" (a former colleague, no longer a choice, as its placeholder), and no
     * "Assign to me" on a case that is already mine.
     */
    void refresh(CaseDetail.CaseState state) {
        Long assigneeId = state.assigneeId();
        colleague.setValue(assigneeId == null ? null
                : therapists.stream().filter(t -> t.id() == assigneeId).findFirst().orElse(null));
        colleague.setPlaceholder(assigneeId == null ? "Shared queue" : Objects.toString(state.assigneeName(), ""));
        toMe.setVisible(assigneeId == null || assigneeId != me);
    }
}
