package app.thaw.base.web;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Lists what a production start is missing instead of a stack trace. */
class NotReadyForProductionAnalyzer extends AbstractFailureAnalyzer<ProductionReadiness.NotReadyForProduction> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ProductionReadiness.NotReadyForProduction cause) {
        return new FailureAnalysis("Thaw is not configured for production:\n  - "
                + String.join("\n  - ", cause.problems()),
                "Set the variables above (README, Production; docs/operations.md). Local runs use the dev profile: "
                        + "./mvnw spring-boot:run", cause);
    }
}
