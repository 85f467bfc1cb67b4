package app.thaw.review.ui;

import java.io.ByteArrayInputStream;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import org.jspecify.annotations.Nullable;

import app.thaw.base.ids.IntakeId;

import app.thaw.base.ui.Toasts;
import app.thaw.review.CaseDetail;
import app.thaw.review.LetterService;
import app.thaw.review.ReferralService;

/** The case's referral: what was decided and by whom, the letter for an outside service, and deciding it. */
class ReferralPanel extends Div {

    private final long id;
    private final boolean partnerFearFlag;
    private final ReferralService referrals;
    private final LetterService letters;
    private final Runnable decided;

    /** {@code decided} runs once a decision is saved, to show what it changed. */
    ReferralPanel(CaseDetail detail, ReferralService referrals, LetterService letters, Runnable decided) {
        this.id = detail.intake().id();
        this.partnerFearFlag = detail.state().partnerFearFlag();
        this.referrals = referrals;
        this.letters = letters;
        this.decided = decided;
        addClassName("referral-panel");
        setId("referral");
        getElement().setAttribute("tabindex", "-1");
        refresh(detail.currentReferral());
    }

    /** Shows the referral as decided now (the latest decision), with its letter when it goes outside. */
    void refresh(CaseDetail.@Nullable ReferralView current) {
        removeAll();
        add(new H3("Referral"));
        if (current == null) {
            add(new Paragraph("No referral decided yet."));
        } else {
            add(new Paragraph(current.kind().label() + " — decided by " + current.decidedBy() + " on "
                    + RiskPanel.WHEN.format(current.decidedAt())), new Paragraph(current.reason()));
            if (current.partnerFearDecision() != null) {
                add(new Paragraph("Clinical decision on partner fear: " + current.partnerFearDecision()));
            }
            if (current.kind().isOutside()) {
                var download = new Anchor(DownloadHandler.fromInputStream(event -> {
                    var letter = letters.referralLetter(IntakeId.of(id));
                    return new DownloadResponse(new ByteArrayInputStream(letter.pdf()), letter.fileName(),
                            "application/pdf", letter.pdf().length);
                }), AttachmentType.DOWNLOAD, "Download the referral letter (PDF)");
                download.addClassName("letter-download");
                add(download);
            }
        }
        var decide = new Button(current == null ? "Decide referral" : "Change referral",
                click -> new ReferralDialog(partnerFearFlag, (kind, reason, fear) -> {
                    referrals.decideReferral(IntakeId.of(id), kind, reason, fear);
                    Toasts.success("Referral recorded.");
                    decided.run();
                }).open());
        decide.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(decide);
    }
}
