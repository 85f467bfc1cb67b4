package app.thaw.outcomes.ui;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import org.jspecify.annotations.Nullable;

import app.thaw.base.PracticeTime;
import app.thaw.base.ui.ErrorSummary;
import app.thaw.base.ui.PublicLayout;
import app.thaw.intake.questionnaire.Item;
import app.thaw.intake.questionnaire.Option;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.Section;
import app.thaw.outcomes.MeasureForm;
import app.thaw.outcomes.MeasureForms;
import app.thaw.outcomes.MeasureSubmission;

/**
 * The client's short form before a session, from their private link: one page of choice questions, built from the
 * measures' definitions, made for a phone. No account; answers go to their therapist only.
 */
@Route(value = "measures/:token", layout = PublicLayout.class)
@PageTitle("A few questions before your appointment · Thaw")
@AnonymousAllowed
public class MeasureFormView extends Div implements BeforeEnterObserver {

    private static final DateTimeFormatter WHEN = PracticeTime.WEEKDAY_AT;
    private static final int QUESTION_IN_SUMMARY = 64;

    private final MeasureForms forms;
    private final Map<String, RadioButtonGroup<Option>> fields = new LinkedHashMap<>();
    private String token;

    public MeasureFormView(MeasureForms forms) {
        this.forms = forms;
        addClassName("measure-form-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        removeAll();
        fields.clear();
        forms.open(token).ifPresentOrElse(this::show, () -> add(new H1("We couldn't find these questions"),
                new Paragraph("Please check the link. If it came by email, open it from that email again, or use the "
                        + "private page the practice gave you."), new Anchor("", "Go to the start page")));
    }

    private void show(MeasureForm form) {
        if (form.state() != MeasureForm.State.OPEN) {
            add(new H1(form.state() == MeasureForm.State.ANSWERED ? "Thank you: these answers were already sent"
                    : "These questions have closed"), new Paragraph(form.state() == MeasureForm.State.ANSWERED
                    ? "Your therapist has them. Your next set of questions will come before your next appointment."
                    : "The appointment they were for is over or no longer booked. If you have another appointment, "
                    + "a new set will come before it."));
            return;
        }
        add(new H1("A few questions before your appointment"), new Paragraph("For your appointment on "
                + WHEN.format(form.sessionStarts()) + ". It takes about five minutes. Only your therapist sees your "
                + "answers; if you come as a couple, your partner never does."));
        var summary = new ErrorSummary("Please answer every question");
        summary.setId("error-summary");
        add(summary);
        for (QuestionnaireDefinition definition : form.measures()) {
            for (Section section : definition.sections()) {
                var block = new Div(new H2(section.title()));
                block.addClassName("measure-section");
                if (section.intro() != null && !section.intro().isBlank()) {
                    block.add(new Paragraph(section.intro()));
                }
                for (Item item : section.items()) {
                    block.add(field(definition, item));
                }
                add(block);
            }
        }
        var send = new Button("Send my answers", click -> send(summary));
        send.setId("send-measures");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(send);
    }

    private RadioButtonGroup<Option> field(QuestionnaireDefinition definition, Item item) {
        var group = new RadioButtonGroup<Option>(item.text());
        group.setId(questionId(item.id()));
        group.setItems(definition.optionsFor(item));
        group.setItemLabelGenerator(Option::label);
        group.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        group.setRequiredIndicatorVisible(item.required());
        if (item.help() != null) {
            group.setHelperText(item.help());
        }
        group.addClassName("measure-item");
        fields.put(item.id(), group);
        return group;
    }

    private void send(ErrorSummary summary) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        fields.forEach((id, field) -> {
            field.setInvalid(false);
            if (field.getValue() != null) {
                answers.put(id, List.of(field.getValue().value()));
            }
        });
        MeasureSubmission outcome = forms.submit(token, answers);
        switch (outcome) {
            case MeasureSubmission.Saved saved -> thanks(saved);
            case MeasureSubmission.Invalid invalid -> {
                // in the order the questions stand on the page, each named and linked to its question
                Map<String, String> problems = new LinkedHashMap<>();
                fields.keySet().stream().filter(invalid.problems()::containsKey)
                        .forEach(id -> problems.put(id, invalid.problems().get(id)));
                problems.putAll(invalid.problems());
                problems.forEach((id, message) -> {
                    var field = fields.get(id);
                    if (field != null) {
                        field.setInvalid(true);
                        field.setErrorMessage(message);
                    }
                });
                summary.show(problems, id -> fields.containsKey(id) ? shortened(fields.get(id).getLabel()) : "",
                        MeasureFormView::questionId);
            }
            case MeasureSubmission.Gone gone -> {
                removeAll();
                add(new H1("These questions have closed"), new Paragraph(gone.message()));
            }
        }
    }

    private static String questionId(String itemId) {
        return "q-" + itemId.replace('.', '-');
    }

    /**
     * A long question cut where a clause ends (else at a word): enough to tell which one in the summary, whose link
     * goes to it in full.
     */
    static String shortened(@Nullable String question) {
        String text = question == null ? "" : question.strip();
        if (text.length() <= QUESTION_IN_SUMMARY) {
            return text;
        }
        int cut = -1;
        for (int i = QUESTION_IN_SUMMARY; i > QUESTION_IN_SUMMARY / 2 && cut < 0; i--) {
            cut = ",;?—".indexOf(text.charAt(i)) >= 0 ? i : -1;
        }
        if (cut < 0) {
            cut = text.lastIndexOf(' ', QUESTION_IN_SUMMARY);
        }
        return text.substring(0, cut > 0 ? cut : QUESTION_IN_SUMMARY).replaceAll("[\\s,;:.?—-]+$", "") + "…";
    }

    private void thanks(MeasureSubmission.Saved saved) {
        removeAll();
        fields.clear();
        var done = new H1("Thank you, your answers are with your therapist");
        done.setId("measures-sent");
        add(done);
        if (saved.risk()) {
            add(new CrisisHelp());
        }
        add(new Paragraph("You can close this page. Your next questions will come before your next appointment."));
    }
}
