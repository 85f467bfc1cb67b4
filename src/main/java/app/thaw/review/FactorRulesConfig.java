package app.thaw.review;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.thaw.intake.QuestionnaireCatalog;
import app.thaw.review.factors.FactorRuleLoader;
import app.thaw.review.factors.FactorRuleSet;

/** Loads the factor rules at start-up and checks them against the questionnaire: a broken file stops the app. */
@Configuration(proxyBeanMethods = false)
class FactorRulesConfig {

    @Bean
    FactorRuleSet factorRules(QuestionnaireCatalog questionnaires) {
        return FactorRuleLoader.loadV1(questionnaires.current());
    }
}
