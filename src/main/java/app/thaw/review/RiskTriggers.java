package app.thaw.review;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import app.thaw.intake.SubmittedIntake;
import app.thaw.intake.questionnaire.Item;
import app.thaw.intake.questionnaire.ItemKind;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.RiskFlag;
import app.thaw.intake.questionnaire.RiskRule;

/**
 * What raised an urgent case, as the therapist needs it before deciding what to do: the question as the client saw
 * it, the answer they chose and anything they wrote about it in their own words (a follow-up shown by that answer).
 */
final class RiskTriggers {

    private RiskTriggers() {
    }

    static List<CaseDetail.RiskTrigger> of(SubmittedIntake intake) {
        QuestionnaireDefinition definition = intake.questionnaire();
        List<CaseDetail.RiskTrigger> triggers = new ArrayList<>();
        for (RiskFlag flag : intake.riskFlags()) {
            RiskRule rule = definition.riskRules().stream().filter(r -> r.id().equals(flag.ruleId())).findFirst()
                    .orElse(null);
            Item item = rule == null ? null : definition.item(rule.item()).orElse(null);
            if (item == null) {
                triggers.add(new CaseDetail.RiskTrigger(flag.description(), null, null, List.of()));
                continue;
            }
            String answer = intake.answers().multi(item.id()).stream()
                    .map(value -> definition.option(item, value).map(o -> o.label()).orElse(value))
                    .collect(Collectors.joining(", "));
            triggers.add(new CaseDetail.RiskTrigger(flag.description(), question(definition, item), answer,
                    ownWords(intake, item)));
        }
        return triggers;
    }

    private static String question(QuestionnaireDefinition definition, Item item) {
        String stem = definition.stemFor(item);
        return stem == null || stem.isBlank() ? item.text() : stem + " " + item.text();
    }

    /** Free text the client wrote in the follow-ups that their answer opened. */
    private static List<String> ownWords(SubmittedIntake intake, Item trigger) {
        return intake.questionnaire().items().stream()
                .filter(item -> item.showIf() != null && item.showIf().item().equals(trigger.id()))
                .filter(item -> item.kind() == ItemKind.TEXT || item.kind() == ItemKind.LONG_TEXT)
                .flatMap(item -> intake.answers().multi(item.id()).stream())
                .filter(text -> !text.isBlank())
                .toList();
    }
}
