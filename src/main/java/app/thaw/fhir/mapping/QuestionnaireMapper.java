package app.thaw.fhir.mapping;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.EnableWhenBehavior;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemOperator;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.StringType;

import app.thaw.intake.questionnaire.Band;
import app.thaw.intake.questionnaire.Condition;
import app.thaw.intake.questionnaire.Item;
import app.thaw.intake.questionnaire.ItemKind;
import app.thaw.intake.questionnaire.Option;
import app.thaw.intake.questionnaire.QuestionnaireDefinition;
import app.thaw.intake.questionnaire.RiskRule;
import app.thaw.intake.questionnaire.Scale;
import app.thaw.intake.questionnaire.ScoreDefinition;
import app.thaw.intake.questionnaire.Section;

/**
 * One questionnaire version as a FHIR Questionnaire, generated from the very definition that renders the form:
 * sections become groups, a run of a standard instrument's items becomes a coded panel group (PHQ-9, GAD-7), answer
 * options carry their codes and scores (ordinalValue). What FHIR has no element for (scales, scores and bands, risk
 * rules, Thaw's item kinds and messages) travels in Thaw extensions, so {@link QuestionnaireImporter} reads the
 * resource back into the same definition.
 */
public final class QuestionnaireMapper {

    static final String HELP_SUFFIX = "#help";
    static final String NOTE_SUFFIX = "#note";
    static final String INTRO_SUFFIX = "#intro";
    static final String PANEL_SUFFIX = "#panel";

    private final Instruments instruments;

    public QuestionnaireMapper(Instruments instruments) {
        this.instruments = instruments;
    }

    /** One questionnaire version as published: built once, since a version never changes after it is asked. */
    private record Published(QuestionnaireDefinition definition, Questionnaire questionnaire) {
    }

    private final Map<String, Published> published = new ConcurrentHashMap<>();

    /**
     * The Questionnaire of this version, built once and shared by every read and document that carries it: callers
     * only encode it and must never change it ({@link #toFhir} gives a fresh one to change).
     */
    public Questionnaire published(QuestionnaireDefinition definition) {
        String id = ThawFhir.questionnaireId(definition.id(), definition.version());
        Published cached = published.get(id);
        if (cached != null && cached.definition() == definition) {
            return cached.questionnaire();
        }
        Questionnaire questionnaire = toFhir(definition);
        published.put(id, new Published(definition, questionnaire));
        return questionnaire;
    }

    /** Whether this is the shared instance {@link #published} gives for its version (so it never changes). */
    public boolean isPublished(Questionnaire questionnaire) {
        Published cached = published.get(questionnaire.getIdPart());
        return cached != null && cached.questionnaire() == questionnaire;
    }

    public Questionnaire toFhir(QuestionnaireDefinition definition) {
        var q = new Questionnaire();
        q.setId(ThawFhir.questionnaireId(definition.id(), definition.version()));
        q.setUrl(ThawFhir.questionnaireUrl(definition.id()));
        q.setVersion(String.valueOf(definition.version()));
        q.setName(computableName(definition.id()));
        q.setTitle(definition.title());
        q.setStatus(PublicationStatus.ACTIVE);
        q.addSubjectType("Patient");
        q.setPublisher("Thaw");
        q.setDescription(definition.intro());
        q.addExtension(ThawFhir.EXT_PRIVACY_NOTICE, new StringType(definition.privacyNoticeVersion()));
        soleInstrument(definition).ifPresent(instrument -> {
            q.addCode(instrument.panel().coding());
            q.setCopyright(instrument.copyright());
        });
        definition.scales().forEach(scale -> q.addExtension(DefinitionExtensions.scale(scale)));
        definition.scores().forEach(score -> q.addExtension(DefinitionExtensions.score(score)));
        definition.riskRules().forEach(rule -> q.addExtension(DefinitionExtensions.riskRule(rule)));
        for (Section section : definition.sections()) {
            q.addItem(section(definition, section));
        }
        return q;
    }

    /** The one instrument every item of a measure belongs to (a PHQ-9-only questionnaire is the PHQ-9 panel). */
    private Optional<Instruments.Instrument> soleInstrument(QuestionnaireDefinition definition) {
        List<Item> items = definition.items();
        if (items.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instruments.Instrument> first = instruments.ofItem(items.getFirst().id());
        return first.filter(instrument -> items.stream().allMatch(i -> instrument.items().containsKey(i.id())));
    }

    private QuestionnaireItemComponent section(QuestionnaireDefinition definition, Section section) {
        var group = new QuestionnaireItemComponent().setLinkId(section.id()).setText(section.title())
                .setType(QuestionnaireItemType.GROUP);
        if (section.intro() != null && !section.intro().isBlank()) {
            group.addItem().setLinkId(section.id() + INTRO_SUFFIX).setText(section.intro())
                    .setType(QuestionnaireItemType.DISPLAY);
        }
        boolean whole = soleInstrument(definition).isPresent();
        QuestionnaireItemComponent panel = null;
        String panelOf = null;
        for (Item item : section.items()) {
            Optional<Instruments.Instrument> instrument = whole ? Optional.empty() : instruments.ofItem(item.id());
            if (instrument.isEmpty()) {
                panel = null;
                panelOf = null;
                group.addItem(item(definition, item));
                continue;
            }
            if (!instrument.get().id().equals(panelOf)) {
                panelOf = instrument.get().id();
                String stem = definition.stemFor(item);
                panel = group.addItem().setLinkId(section.id() + "." + panelOf + PANEL_SUFFIX)
                        .setText(stem == null || stem.isBlank() ? instrument.get().name()
                                : instrument.get().name() + ": " + stem)
                        .setType(QuestionnaireItemType.GROUP);
                panel.addCode(instrument.get().panel().coding());
            }
            Objects.requireNonNull(panel, "opened above for this instrument").addItem(item(definition, item));
        }
        return group;
    }

    private QuestionnaireItemComponent item(QuestionnaireDefinition definition, Item item) {
        var fhir = new QuestionnaireItemComponent().setLinkId(item.id()).setText(item.text())
                .setType(type(item.kind())).setRequired(item.required());
        fhir.addExtension(ThawFhir.EXT_ITEM_KIND, new CodeType(item.kind().name()));
        Coding code = instruments.itemCoding(item.id());
        if (code != null) {
            fhir.addCode(code);
        }
        if (item.kind() == ItemKind.MULTI_CHOICE) {
            fhir.setRepeats(true);
        }
        if (item.kind().isText()) {
            fhir.setMaxLength(item.effectiveMaxLength());
        }
        if (item.kind() == ItemKind.SCALE) {
            fhir.addExtension(ThawFhir.EXT_SCALE, new StringType(item.scale()));
        }
        if (item.adultOnly()) {
            fhir.addExtension(ThawFhir.EXT_ADULT_ONLY, new BooleanType(true));
        }
        if (item.requiredMessage() != null && !item.requiredMessage().isBlank()) {
            fhir.addExtension(ThawFhir.EXT_REQUIRED_MESSAGE, new StringType(item.requiredMessage()));
        }
        if (item.kind().hasOptions()) {
            boolean scored = item.kind() == ItemKind.SCALE;
            String system = answerSystem(definition, item);
            for (Option option : definition.optionsFor(item)) {
                var answer = fhir.addAnswerOption().setValue(optionCoding(definition, item, option, system));
                if (scored || option.score() != 0) {
                    answer.addExtension(ThawFhir.ORDINAL_VALUE, new DecimalType(option.score()));
                }
                if (option.exclusive()) {
                    answer.addExtension(ThawFhir.OPTION_EXCLUSIVE, new BooleanType(true));
                }
            }
        }
        Condition showIf = item.showIf();
        if (showIf != null) {
            definition.item(showIf.item()).ifPresent(source -> {
                for (String value : showIf.anyOf()) {
                    var when = fhir.addEnableWhen().setQuestion(source.id())
                            .setOperator(QuestionnaireItemOperator.EQUAL);
                    if (source.kind() == ItemKind.CONSENT) {
                        when.setAnswer(new BooleanType(Boolean.parseBoolean(value)));
                    } else if (source.kind().hasOptions()) {
                        Option option = definition.option(source, value).orElse(new Option(value, value));
                        when.setAnswer(optionCoding(definition, source, option, answerSystem(definition, source)));
                    } else {
                        when.setAnswer(new StringType(value));
                    }
                }
                if (showIf.anyOf().size() > 1) {
                    fhir.setEnableBehavior(EnableWhenBehavior.ANY);
                }
            });
        }
        if (item.help() != null && !item.help().isBlank()) {
            var help = fhir.addItem().setLinkId(item.id() + HELP_SUFFIX).setText(item.help())
                    .setType(QuestionnaireItemType.DISPLAY);
            help.addExtension(ThawFhir.ITEM_CONTROL, new CodeableConcept(new Coding(
                    "http://hl7.org/fhir/questionnaire-item-control", "help", "Help-Button")));
        }
        if (item.note() != null && !item.note().isBlank()) {
            fhir.addItem().setLinkId(item.id() + NOTE_SUFFIX).setText(item.note())
                    .setType(QuestionnaireItemType.DISPLAY);
        }
        return fhir;
    }

    /** The coding of one answer: the instrument's standard code where there is one, else Thaw's own. */
    Coding optionCoding(QuestionnaireDefinition definition, Item item, Option option, String system) {
        Coding standard = instruments.answerCoding(item.id(), option.value());
        if (standard != null) {
            return standard.setDisplay(option.label());
        }
        return new Coding(system, option.value(), option.label());
    }

    static String answerSystem(QuestionnaireDefinition definition, Item item) {
        return ThawFhir.answerSystem(definition.id(), item.kind() == ItemKind.SCALE
                ? Objects.requireNonNull(item.scale(), "a checked SCALE item names its scale") : item.id());
    }

    static QuestionnaireItemType type(ItemKind kind) {
        return switch (kind) {
            case TEXT, EMAIL, PHONE -> QuestionnaireItemType.STRING;
            case LONG_TEXT -> QuestionnaireItemType.TEXT;
            case DATE -> QuestionnaireItemType.DATE;
            case SINGLE_CHOICE, MULTI_CHOICE, SCALE -> QuestionnaireItemType.CHOICE;
            case CONSENT -> QuestionnaireItemType.BOOLEAN;
        };
    }

    /** "intake" as "ThawIntake": FHIR's computable name, letters and digits starting with a capital. */
    static String computableName(String id) {
        var name = new StringBuilder("Thaw");
        boolean upper = true;
        for (char c : id.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        return name.toString();
    }
}
