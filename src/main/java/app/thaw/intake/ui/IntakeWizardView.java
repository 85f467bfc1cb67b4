package app.thaw.intake.ui;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import app.thaw.base.ui.ErrorSummary;
import app.thaw.base.ui.PublicLayout;
import app.thaw.intake.DraftSnapshot;
import app.thaw.intake.IntakeService;
import app.thaw.intake.StepCheck;
import app.thaw.intake.SubmissionOutcome;
import app.thaw.intake.SubmissionReceipt;
import app.thaw.intake.TooManyRequestsException;
import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.Item;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.Section;
import app.thaw.intake.questionnaire.TimeEstimate;

import org.jspecify.annotations.Nullable;

/**
 * The intake, one section per step with a review step at the end, "step n of N" with the time left. Every
 * change is saved to the server draft at once, so a closed tab, a lost signal or a validation error loses
 * nothing; going back shows every answer as it was.
 */
@Route(value = "intake", layout = PublicLayout.class)
@RouteAlias(value = "intake/resume/:token", layout = PublicLayout.class)
@RouteAlias(value = "intake/partner/:invitation", layout = PublicLayout.class)
@PageTitle("Your form · Thaw")
@AnonymousAllowed
public class IntakeWizardView extends Div implements BeforeEnterObserver {

    private final IntakeService intake;
    private final QuestionnaireDefinition definition;
    private final List<Section> sections;

    private final H2 stepHeading = new H2();
    private final Paragraph stepLabel = new Paragraph();
    private final ProgressBar progress = new ProgressBar();
    private final ErrorSummary errorSummary = new ErrorSummary();
    private final WizardNotices notices = new WizardNotices();
    private final Div body = new Div();
    private final Div resumeArea = new Div();
    private final Button back = new Button("Back");
    private final Button next = new Button("Save and continue");

    private Answers answers = Answers.empty();
    private @Nullable String token;
    private @Nullable String invitation;
    private DraftCookie cookie = DraftCookie.OWN;
    private int step;
    private @Nullable SectionForm form;
    private @Nullable ReviewStep review;
    /** Came from "Check your answers" by "Change": the next save goes back there, not through every later step. */
    private boolean returnToReview;

    public IntakeWizardView(IntakeService intake) {
        this.intake = intake;
        this.definition = intake.questionnaire();
        this.sections = definition.sections();
        addClassName("intake-wizard");
        stepHeading.getElement().setAttribute("tabindex", "-1");
        stepLabel.addClassName("step-label");
        progress.getElement().setAttribute("aria-label", "Progress through the form");
        back.addClickListener(click -> goTo(step - 1));
        next.addClickListener(click -> next(false));
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var navigation = new HorizontalLayout(back, next);
        navigation.addClassName("wizard-navigation");
        navigation.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        add(new H1(definition.title()), notices, stepLabel, progress, stepHeading, errorSummary, body, navigation,
                resumeArea);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        forgetShownForm();
        var entry = WizardEntry.of(event.getRouteParameters(), intake, notices);
        invitation = entry.invitation();
        entry.draft().ifPresentOrElse(this::resume, () -> goTo(0));
    }

    /** Another link can enter this same view: nothing of the form shown before may stay on it. */
    private void forgetShownForm() {
        token = null;
        invitation = null;
        answers = Answers.empty();
        cookie = DraftCookie.OWN;
        returnToReview = false;
        notices.clear();
        resumeArea.removeAll();
    }

    private void resume(DraftSnapshot draft) {
        token = draft.token();
        answers = draft.answers();
        cookie = DraftCookie.keeping(draft);
        cookie.write(token, java.time.Duration.between(java.time.Instant.now(), draft.expiresAt()));
        notices.welcomeBack();
        showResumeLink();
        int index = sections.stream().map(Section::id).toList().indexOf(draft.currentSection());
        goTo(Math.max(index, 0));
    }

    private void change(int target) {
        returnToReview = true;
        goTo(target);
    }

    private void goTo(int target) {
        step = Math.clamp(target, 0, sections.size());
        returnToReview = returnToReview && step < sections.size();
        next.setText(returnToReview ? "Save and go back to your answers" : "Save and continue");
        errorSummary.clear();
        body.removeAll();
        form = null;
        review = null;
        int total = sections.size() + 1;
        String where = "Step " + (step + 1) + " of " + total;
        stepLabel.setText(where + " · " + (step < sections.size()
                ? TimeEstimate.wording(TimeEstimate.secondsLeft(definition, answers, step))
                : "check your answers and send"));
        progress.setValue((double) (step + 1) / total);
        progress.getElement().setAttribute("aria-valuetext", where);
        back.setVisible(step > 0);
        if (step < sections.size()) {
            Section section = sections.get(step);
            stepHeading.setText(section.title());
            form = new SectionForm(definition, section, answers, this::answerChanged);
            body.add(form);
            next.setVisible(true);
            if (token != null) {
                intake.saveAnswers(token, Map.of(), section.id());
            }
        } else {
            stepHeading.setText("Check your answers");
            review = new ReviewStep(definition, answers, this::change, this::submit);
            body.add(review);
            next.setVisible(false);
        }
        title(false);
        getUI().ifPresent(ui -> ui.getPage().executeJs("window.scrollTo(0, 0); $0.focus()", stepHeading.getElement()));
    }

    /** Each step its own page title, marked "Error:" while it shows problems (as GOV.UK pages do). */
    private void title(boolean withErrors) {
        getUI().ifPresent(ui -> ui.getPage().setTitle((withErrors ? "Error: " : "") + stepHeading.getText()
                + " · Your form · Thaw"));
    }

    private void answerChanged(String itemId, List<String> values) {
        answers = answers.with(itemId, values);
        shownForm().updateVisibility(answers);
        if (!ensureDraft()) {
            return;
        }
        if (!intake.saveAnswers(draftToken(), Map.of(itemId, values), shownForm().section().id())) {
            notices.couldNotSave();
        }
    }

    /** The section on screen: answers, Next and problems only ever come from one. */
    private SectionForm shownForm() {
        return Objects.requireNonNull(form, "a section is on screen");
    }

    /** The draft's token once {@link #ensureDraft()} has said there is one. */
    private String draftToken() {
        return Objects.requireNonNull(token, "ensureDraft() made the draft");
    }

    /** The draft is created on the first answer, so visitors who only look leave nothing behind. */
    private boolean ensureDraft() {
        if (token != null) {
            return true;
        }
        try {
            var draft = intake.startDraft(invitation, clientAddress());
            if (draft.isEmpty()) {
                invitation = null;
                draft = intake.startDraft(null, clientAddress());
            }
            token = draft.orElseThrow().token();
            cookie = DraftCookie.keeping(draft.get());
            intake.saveAnswers(token, answers.asMap(), form == null ? null : form.section().id());
            cookie.write(token, java.time.Duration.ofDays(7));
            notices.savingResumed();
            showResumeLink();
            return true;
        } catch (TooManyRequestsException tooMany) {
            // the answers stay in this view and go to the draft with the first save that is let through
            notices.savingPaused();
            return false;
        }
    }

    private void next(boolean ageConfirmed) {
        switch (intake.continueFrom(token, shownForm().section().id(), answers, ageConfirmed)) {
            case StepCheck.Fine fine -> goTo(returnToReview ? sections.size() : step + 1);
            case StepCheck.Problems problems -> showProblems(problems.errors());
            case StepCheck.AgeToConfirm check -> askAboutAge(check);
            case StepCheck.UnderAge underAge -> refusedUnderAge();
        }
    }

    private void askAboutAge(StepCheck.AgeToConfirm check) {
        shownForm().showErrors(Map.of());
        errorSummary.clear();
        AgeCheck.askAbove(body, check, () -> shownForm().section().items().stream().filter(Item::adultOnly)
                .findFirst().ifPresent(born -> shownForm().focus(born.id())), () -> next(true));
    }

    private void showProblems(Map<String, String> errors) {
        shownForm().showErrors(errors);
        errorSummary.show(errors, shownForm()::labelOf, AnswerInputs::domId);
        title(true);
    }

    /** Nothing typed is kept: the server has deleted the form; this tab and this device forget it too. */
    private void refusedUnderAge() {
        token = null;
        answers = Answers.empty();
        cookie.clear();
        UI.getCurrent().navigate(UnderAgeView.class);
    }

    private void submit(boolean honeypotFilled) {
        if (!ensureDraft()) {
            return;
        }
        // everything on screen, including answers typed while a save failed (the database was briefly away)
        intake.saveAnswers(draftToken(), answers.asMap(), form == null ? null : form.section().id());
        SubmissionOutcome outcome = intake.submit(draftToken(), clientAddress(), honeypotFilled,
                PublicLinks.absolute("status/"));
        ReviewStep shown = Objects.requireNonNull(review, "Send is only on the review step");
        switch (outcome) {
            case SubmissionOutcome.Submitted submitted -> finish(submitted.receipt());
            case SubmissionOutcome.AlreadySubmitted already -> {
                if (VaadinSession.getCurrent().getAttribute(SubmissionReceipt.class) != null) {
                    UI.getCurrent().navigate(ConfirmationView.class);
                } else {
                    shown.showProblem("This form was already sent, with reference " + already.reference()
                            + ". Use the status link you were given to follow it.");
                }
            }
            case SubmissionOutcome.NeedsCorrection correction -> showCorrections(correction.errors());
            case SubmissionOutcome.TooManyRequests tooMany -> UI.getCurrent().navigate(TooManyRequestsView.class);
            case SubmissionOutcome.UnderAge underAge -> refusedUnderAge();
            case SubmissionOutcome.Refused refused -> shown.showProblem(refused.message());
        }
    }

    private void finish(SubmissionReceipt receipt) {
        VaadinSession.getCurrent().setAttribute(SubmissionReceipt.class, receipt);
        cookie.clear();
        UI.getCurrent().navigate(ConfirmationView.class);
    }

    /** Back to the first step with a problem, every message next to its field. */
    private void showCorrections(Map<String, String> errors) {
        String firstItem = errors.keySet().iterator().next();
        int target = sections.stream().map(s -> s.item(firstItem).isPresent()).toList().indexOf(true);
        goTo(Math.max(target, 0));
        Map<String, String> here = new java.util.LinkedHashMap<>(errors);
        here.keySet().removeIf(itemId -> shownForm().section().item(itemId).isEmpty());
        showProblems(here);
    }

    private void showResumeLink() {
        resumeArea.removeAll();
        resumeArea.add(LinkBox.resumeLink(draftToken()));
    }

    private static String clientAddress() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null ? "unknown" : request.getRemoteAddr();
    }
}
