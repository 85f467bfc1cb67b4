package app.thaw.review.ui;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import app.thaw.review.CaseDetail;
import app.thaw.review.FactorDecisionKind;
import app.thaw.review.factors.FactorTag;

/** Suggested contributing factors with their reasons; the therapist confirms, rejects or adds. Advisory only. */
class FactorsPanel extends Div {

    interface Decide {
        void decide(String tagId, FactorDecisionKind decision);
    }

    private final List<FactorTag> allTags;
    private final Decide decide;

    FactorsPanel(List<CaseDetail.FactorView> factors, List<FactorTag> allTags, Decide decide) {
        this.allTags = allTags;
        this.decide = decide;
        addClassName("factors-panel");
        setId("factors");
        getElement().setAttribute("tabindex", "-1");
        refresh(factors);
    }

    /** Shows the factors as decided now. */
    void refresh(List<CaseDetail.FactorView> factors) {
        removeAll();
        add(new H3("Contributing factors"));
        var advisory = new Paragraph("Suggestions come from the answers and are advisory only: nothing is decided "
                + "until you confirm it.");
        advisory.addClassName("panel-note");
        add(advisory);
        for (CaseDetail.FactorView factor : factors) {
            add(factor(factor, decide));
        }
        Set<String> present = factors.stream().map(CaseDetail.FactorView::tagId).collect(Collectors.toSet());
        var addable = allTags.stream().filter(tag -> !present.contains(tag.id())).toList();
        if (!addable.isEmpty()) {
            var choice = new ComboBox<FactorTag>("Add a factor");
            choice.setItems(addable);
            choice.setItemLabelGenerator(FactorTag::label);
            var add = new Button("Add", click -> {
                if (choice.getValue() != null) {
                    decide.decide(choice.getValue().id(), FactorDecisionKind.ADDED);
                }
            });
            var row = new HorizontalLayout(choice, add);
            row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
            // on a 320 px phone the button goes under the field rather than past the panel's edge
            row.setWrap(true);
            add(row);
        }
    }

    private static Div factor(CaseDetail.FactorView factor, Decide decide) {
        var block = new Div();
        block.addClassName("factor");
        block.getElement().setAttribute("data-tag", factor.tagId());
        block.setId("factor-" + factor.tagId());
        block.getElement().setAttribute("tabindex", "-1");
        var title = new H4(factor.label());
        var state = new Span(stateText(factor));
        state.addClassName("factor-state");
        block.add(title, state);
        if (!factor.reasons().isEmpty()) {
            var reasons = new UnorderedList();
            factor.reasons().forEach(reason -> reasons.add(new ListItem(reason)));
            block.add(reasons);
        }
        var actions = new HorizontalLayout();
        actions.setWrap(true);
        if (factor.suggested()) {
            actions.add(button(buttonId(factor.tagId(), FactorDecisionKind.CONFIRMED), "Confirm " + factor.label(),
                    "Confirm", () -> decide.decide(factor.tagId(), FactorDecisionKind.CONFIRMED),
                    factor.decision() == FactorDecisionKind.CONFIRMED));
            actions.add(button(buttonId(factor.tagId(), FactorDecisionKind.REJECTED), "Reject " + factor.label(),
                    "Reject", () -> decide.decide(factor.tagId(), FactorDecisionKind.REJECTED),
                    factor.decision() == FactorDecisionKind.REJECTED));
        } else if (factor.decision() == FactorDecisionKind.ADDED) {
            actions.add(button(buttonId(factor.tagId(), FactorDecisionKind.REMOVED), "Remove " + factor.label(),
                    "Remove", () -> decide.decide(factor.tagId(), FactorDecisionKind.REMOVED), false));
        } else if (factor.decision() == FactorDecisionKind.REMOVED) {
            actions.add(button(buttonId(factor.tagId(), FactorDecisionKind.ADDED), "Add " + factor.label() + " again",
                    "Add again", () -> decide.decide(factor.tagId(), FactorDecisionKind.ADDED), false));
        }
        block.add(actions);
        return block;
    }

    /** The id of the button that makes {@code decision} for this tag, so focus can return to it after a redraw. */
    static String buttonId(String tagId, FactorDecisionKind decision) {
        return "factor-" + tagId + "-" + decision.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static Button button(String id, String ariaLabel, String text, Runnable action, boolean current) {
        var button = new Button(text, click -> action.run());
        button.setId(id);
        button.setAriaLabel(ariaLabel);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        if (current) {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            button.getElement().setAttribute("aria-pressed", "true");
        }
        return button;
    }

    private static String stateText(CaseDetail.FactorView factor) {
        String origin = factor.suggested() ? "Suggested" : "Added by a therapist";
        if (factor.decision() == null) {
            return origin + " · not yet decided";
        }
        String decision = switch (factor.decision()) {
            case CONFIRMED -> "confirmed";
            case REJECTED -> "rejected";
            case ADDED -> "added";
            case REMOVED -> "removed";
        };
        return origin + " · " + decision + " by " + factor.decidedBy() + " on "
                + RiskPanel.WHEN.format(factor.decidedAt());
    }
}
