package app.thaw.review;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.thaw.intake.QuestionnaireCatalog;
import app.thaw.review.factors.FactorRuleLoader;
import app.thaw.review.factors.FactorRuleSet;

/** Loads the factor rules at start-up and checks them against the questionnaire: a broken file stops the app. */
@Configuration(proxyBeanMethods = false)
class FactorRulesConfig {

    /** The rules for the questionnaire new clients fill in; version 1 stays for intake-v1 and its tests. */
    static final String CURRENT_RULES = "review/factor-rules-v2.yaml";

    /** The rules written for the questionnaire new clients fill in (item ids are stable across versions). */
    @Bean
    FactorRuleSet factorRules(QuestionnaireCatalog questionnaires) {
        return FactorRuleLoader.validate(FactorRuleLoader.loadClasspath(CURRENT_RULES),
                questionnaires.current());
    }
}
