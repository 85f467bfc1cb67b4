package app.thaw.fhir.mapping;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.StringType;

import app.thaw.intake.questionnaire.Band;
import app.thaw.intake.questionnaire.Option;
import app.thaw.intake.questionnaire.RiskRule;
import app.thaw.intake.questionnaire.Scale;
import app.thaw.intake.questionnaire.ScoreDefinition;

/**
 * The parts of a Thaw definition FHIR has no element for (scales, scores with their bands, risk rules) as Thaw's own
 * extensions on the Questionnaire, so an exported questionnaire imports back as the same form.
 */
final class DefinitionExtensions {

    private DefinitionExtensions() {
    }

    static Extension scale(Scale scale) {
        var extension = new Extension(ThawFhir.EXT_SCALE);
        extension.addExtension("id", new StringType(scale.id()));
        extension.addExtension("stem", new StringType(scale.stem()));
        for (Option option : scale.options()) {
            extension.addExtension(option(option));
        }
        return extension;
    }

    static Extension option(Option option) {
        var extension = new Extension("option");
        extension.addExtension("value", new StringType(option.value()));
        extension.addExtension("label", new StringType(option.label()));
        extension.addExtension("score", new IntegerType(option.score()));
        if (option.exclusive()) {
            extension.addExtension("exclusive", new BooleanType(true));
        }
        return extension;
    }

    static Extension score(ScoreDefinition score) {
        var extension = new Extension(ThawFhir.EXT_SCORE);
        extension.addExtension("id", new StringType(score.id()));
        extension.addExtension("label", new StringType(score.label()));
        score.items().forEach(item -> extension.addExtension("item", new StringType(item)));
        for (Band band : score.bands()) {
            var b = new Extension("band");
            b.addExtension("min", new IntegerType(band.min()));
            b.addExtension("max", new IntegerType(band.max()));
            b.addExtension("label", new StringType(band.label()));
            extension.addExtension(b);
        }
        return extension;
    }

    static Extension riskRule(RiskRule rule) {
        var extension = new Extension(ThawFhir.EXT_RISK_RULE);
        extension.addExtension("id", new StringType(rule.id()));
        extension.addExtension("item", new StringType(rule.item()));
        rule.anyOf().forEach(value -> extension.addExtension("anyOf", new StringType(value)));
        extension.addExtension("description", new StringType(rule.description()));
        return extension;
    }
}
