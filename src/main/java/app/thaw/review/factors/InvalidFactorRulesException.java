package app.thaw.review.factors;

import java.util.List;

import app.thaw.base.domain.InvalidDefinitionException;

/** A factor rule set that cannot be used; the message lists every problem found. */
public class InvalidFactorRulesException extends InvalidDefinitionException {

    public InvalidFactorRulesException(String source, List<String> problems) {
        super("Factor rules", source, problems, null);
    }

    public InvalidFactorRulesException(String source, String problem, Throwable cause) {
        super("Factor rules", source, List.of(problem), cause);
    }
}
