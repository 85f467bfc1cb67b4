package app.thaw.intake.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

import app.thaw.base.PracticeTime;
import app.thaw.intake.StepCheck;

/**
 * "Is that date right?" before a form is refused for being under 18: the refusal deletes everything typed, so a
 * mistyped year (2010 for 2001) must not do it unasked.
 */
class AgeCheck extends Div {

    private final Button correct;

    AgeCheck(StepCheck.AgeToConfirm check, Runnable correctIt, Runnable confirm) {
        addClassName("age-check");
        getElement().setAttribute("role", "alert");
        var said = new Paragraph("You told us you were born on " + PracticeTime.LONG_DATE.format(check.born())
                + ", which would make you " + check.age() + ".");
        said.addClassName("age-check-date");
        correct = new Button("No, let me correct it", click -> {
            removeFromParent();
            correctIt.run();
        });
        correct.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var right = new Button("Yes, the date is right", click -> confirm.run());
        right.setDisableOnClick(true);
        var buttons = new Div(correct, right);
        buttons.addClassName("age-check-buttons");
        add(said, new Paragraph("This service is for adults, 18 and over. Is the date right? If it is, we won't keep "
                + "anything you have typed, and we'll show you who can help instead."), buttons);
    }

    /** Asks at the top of the step, in place of an earlier asking; the choice that keeps the form takes focus. */
    static void askAbove(Div step, StepCheck.AgeToConfirm check, Runnable correctIt, Runnable confirm) {
        step.getChildren().filter(AgeCheck.class::isInstance).toList().forEach(step::remove);
        var ask = new AgeCheck(check, correctIt, confirm);
        step.addComponentAsFirst(ask);
        // so Enter never deletes it
        ask.correct.focus();
    }
}
