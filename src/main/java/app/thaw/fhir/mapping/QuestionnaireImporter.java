package app.thaw.fhir.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemAnswerOptionComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemEnableWhenComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.jspecify.annotations.Nullable;

import app.thaw.intake.questionnaire.Band;
import app.thaw.intake.questionnaire.Condition;
import app.thaw.intake.questionnaire.FieldLimits;
import app.thaw.intake.questionnaire.InvalidQuestionnaireException;
import app.thaw.intake.questionnaire.Item;
import app.thaw.intake.questionnaire.ItemKind;
import app.thaw.intake.questionnaire.Option;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.QuestionnaireLoader;
import app.thaw.intake.questionnaire.RiskRule;
import app.thaw.intake.questionnaire.Scale;
import app.thaw.intake.questionnaire.ScoreDefinition;
import app.thaw.intake.questionnaire.Section;

/**
 * Reads a FHIR Questionnaire (one Thaw exported, or written the same way) back into a questionnaire definition, as a
 * new version of it. The result passes the same checks as a YAML file; anything it cannot read is refused with every
 * problem named, never half-imported.
 */
public final class QuestionnaireImporter {

    private final Instruments instruments;

    public QuestionnaireImporter(Instruments instruments) {
        this.instruments = instruments;
    }

    /** The definition the Questionnaire describes, numbered {@code version}. */
    public QuestionnaireDefinition toDefinition(Questionnaire q, int version) {
        List<String> problems = new ArrayList<>();
        String id = definitionId(q, problems);
        List<Scale> scales = q.getExtensionsByUrl(ThawFhir.EXT_SCALE).stream().map(QuestionnaireImporter::scale)
                .toList();
        List<Section> sections = new ArrayList<>();
        for (QuestionnaireItemComponent group : q.getItem()) {
            if (group.getType() != QuestionnaireItemType.GROUP) {
                problems.add("Item " + group.getLinkId() + ": every top-level item must be a group (a page)");
                continue;
            }
            sections.add(section(group, scales, problems));
        }
        var definition = new QuestionnaireDefinition(id, version, q.getTitle(), q.getDescription(),
                string(q.getExtensionByUrl(ThawFhir.EXT_PRIVACY_NOTICE)), scales, sections,
                q.getExtensionsByUrl(ThawFhir.EXT_SCORE).stream().map(QuestionnaireImporter::score).toList(),
                q.getExtensionsByUrl(ThawFhir.EXT_RISK_RULE).stream().map(QuestionnaireImporter::riskRule).toList());
        problems.addAll(QuestionnaireLoader.problems(definition));
        if (!problems.isEmpty()) {
            throw new InvalidQuestionnaireException(id + "-v" + version, problems);
        }
        return definition;
    }

    private static String definitionId(Questionnaire q, List<String> problems) {
        String url = q.getUrl();
        if (url != null && url.startsWith(ThawFhir.QUESTIONNAIRE)) {
            return url.substring(ThawFhir.QUESTIONNAIRE.length());
        }
        if (q.hasName()) {
            return q.getName().toLowerCase(Locale.ROOT);
        }
        problems.add("The questionnaire has neither a Thaw url nor a name to take its id from");
        return "imported";
    }

    private Section section(QuestionnaireItemComponent group, List<Scale> scales, List<String> problems) {
        String intro = null;
        List<Item> items = new ArrayList<>();
        for (QuestionnaireItemComponent child : group.getItem()) {
            if (child.getType() == QuestionnaireItemType.DISPLAY
                    && child.getLinkId().equals(group.getLinkId() + QuestionnaireMapper.INTRO_SUFFIX)) {
                intro = child.getText();
            } else if (child.getType() == QuestionnaireItemType.GROUP) {
                // a coded panel (PHQ-9 inside a page): its questions belong to the page
                child.getItem().forEach(question -> items.add(item(question, scales, problems)));
            } else {
                items.add(item(child, scales, problems));
            }
        }
        return new Section(group.getLinkId(), group.getText(), intro, items);
    }

    private Item item(QuestionnaireItemComponent fhir, List<Scale> scales, List<String> problems) {
        ItemKind kind = kind(fhir, problems);
        String help = null;
        String note = null;
        for (QuestionnaireItemComponent child : fhir.getItem()) {
            if (child.getLinkId().equals(fhir.getLinkId() + QuestionnaireMapper.HELP_SUFFIX)) {
                help = child.getText();
            } else if (child.getLinkId().equals(fhir.getLinkId() + QuestionnaireMapper.NOTE_SUFFIX)) {
                note = child.getText();
            } else {
                problems.add("Item " + fhir.getLinkId() + ": nested question " + child.getLinkId()
                        + " is not supported");
            }
        }
        String scale = kind == ItemKind.SCALE ? string(fhir.getExtensionByUrl(ThawFhir.EXT_SCALE)) : null;
        List<Option> options = kind == ItemKind.SCALE || !kind.hasOptions() ? List.of()
                : fhir.getAnswerOption().stream().map(answer -> option(fhir.getLinkId(), answer)).toList();
        Integer maxLength = fhir.hasMaxLength() && kind.isText() && fhir.getMaxLength() != FieldLimits.maxLength(kind)
                ? fhir.getMaxLength() : null;
        return new Item(fhir.getLinkId(), fhir.getText(), help, kind, fhir.getRequired(), scale, options,
                condition(fhir, scales, problems), maxLength, note,
                fhir.getExtensionByUrl(ThawFhir.EXT_ADULT_ONLY) != null,
                string(fhir.getExtensionByUrl(ThawFhir.EXT_REQUIRED_MESSAGE)));
    }

    private static ItemKind kind(QuestionnaireItemComponent fhir, List<String> problems) {
        String declared = string(fhir.getExtensionByUrl(ThawFhir.EXT_ITEM_KIND));
        if (declared != null) {
            try {
                return ItemKind.valueOf(declared);
            } catch (IllegalArgumentException e) {
                problems.add("Item " + fhir.getLinkId() + ": unknown item kind " + declared);
            }
        }
        // a questionnaire written elsewhere: the nearest kind for each FHIR type
        return switch (fhir.getType()) {
            case STRING -> ItemKind.TEXT;
            case TEXT -> ItemKind.LONG_TEXT;
            case DATE -> ItemKind.DATE;
            case BOOLEAN -> ItemKind.CONSENT;
            case CHOICE -> fhir.getRepeats() ? ItemKind.MULTI_CHOICE : ItemKind.SINGLE_CHOICE;
            default -> {
                problems.add("Item " + fhir.getLinkId() + ": type " + fhir.getType().toCode() + " is not supported");
                yield ItemKind.TEXT;
            }
        };
    }

    private Option option(String itemId, QuestionnaireItemAnswerOptionComponent answer) {
        Coding coding = answer.hasValueCoding() ? answer.getValueCoding() : new Coding(null,
                answer.getValue().primitiveValue(), answer.getValue().primitiveValue());
        String value = ThawFhir.LOINC.equals(coding.getSystem())
                ? instruments.valueOfAnswer(itemId, coding.getCode()).orElse(coding.getCode()) : coding.getCode();
        Extension ordinal = answer.getExtensionByUrl(ThawFhir.ORDINAL_VALUE);
        int score = ordinal == null ? 0 : (int) Math.round(Double.parseDouble(ordinal.getValue().primitiveValue()));
        Extension exclusive = answer.getExtensionByUrl(ThawFhir.OPTION_EXCLUSIVE);
        return new Option(value, coding.getDisplay(), score,
                exclusive != null && ((BooleanType) exclusive.getValue()).booleanValue());
    }

    private @Nullable Condition condition(QuestionnaireItemComponent fhir, List<Scale> scales, List<String> problems) {
        if (!fhir.hasEnableWhen()) {
            return null;
        }
        String source = null;
        List<String> values = new ArrayList<>();
        for (QuestionnaireItemEnableWhenComponent when : fhir.getEnableWhen()) {
            if (source != null && !source.equals(when.getQuestion())) {
                problems.add("Item " + fhir.getLinkId() + ": conditions on more than one question are not supported");
            }
            source = when.getQuestion();
            if (when.hasAnswerCoding()) {
                Coding coding = when.getAnswerCoding();
                values.add(ThawFhir.LOINC.equals(coding.getSystem())
                        ? instruments.valueOfAnswer(source, coding.getCode()).orElse(coding.getCode())
                        : coding.getCode());
            } else {
                values.add(when.getAnswer().primitiveValue());
            }
        }
        return new Condition(Objects.requireNonNullElse(source, ""), values);
    }

    private static Scale scale(Extension extension) {
        return new Scale(required(extension, "id"), required(extension, "stem"),
                extension.getExtensionsByUrl("option").stream().map(QuestionnaireImporter::scaleOption).toList());
    }

    private static Option scaleOption(Extension option) {
        Extension exclusive = option.getExtensionByUrl("exclusive");
        return new Option(required(option, "value"), required(option, "label"),
                ((IntegerType) option.getExtensionByUrl("score").getValue()).getValue(),
                exclusive != null && ((BooleanType) exclusive.getValue()).booleanValue());
    }

    private static ScoreDefinition score(Extension extension) {
        return new ScoreDefinition(required(extension, "id"), required(extension, "label"),
                extension.getExtensionsByUrl("item").stream().map(QuestionnaireImporter::string).toList(),
                extension.getExtensionsByUrl("band").stream().map(band -> new Band(
                        ((IntegerType) band.getExtensionByUrl("min").getValue()).getValue(),
                        ((IntegerType) band.getExtensionByUrl("max").getValue()).getValue(),
                        required(band, "label"))).toList());
    }

    private static RiskRule riskRule(Extension extension) {
        return new RiskRule(required(extension, "id"), required(extension, "item"),
                extension.getExtensionsByUrl("anyOf").stream().map(QuestionnaireImporter::string).toList(),
                required(extension, "description"));
    }

    /** A value the definition checker insists on: a missing one reads as blank, which the checker reports. */
    private static String required(Extension extension, String name) {
        return Objects.requireNonNullElse(sub(extension, name), "");
    }

    private static @Nullable String sub(Extension extension, String name) {
        return string(extension.getExtensionByUrl(name));
    }

    private static @Nullable String string(@Nullable Extension extension) {
        return extension == null || !(extension.getValue() instanceof PrimitiveType<?> value) ? null
                : value.getValueAsString();
    }

    /** The Questionnaire's own version, when it is a whole number (a Thaw export's always is). */
    public static Optional<Integer> versionOf(Questionnaire q) {
        try {
            return Optional.of(Integer.parseInt(q.getVersion()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
