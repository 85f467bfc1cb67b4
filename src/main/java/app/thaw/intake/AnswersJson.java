package app.thaw.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import app.thaw.intake.questionnaire.Answers;
import app.thaw.intake.questionnaire.RiskFlag;
import app.thaw.intake.questionnaire.Score;

/** The JSON kept in the jsonb columns: answers as item id → values, scores and risk flags as plain lists. */
@Component
class AnswersJson {

    private static final TypeReference<Map<String, List<String>>> ANSWERS = new TypeReference<>() {
    };

    private final JsonMapper json;

    AnswersJson(JsonMapper json) {
        this.json = json;
    }

    String write(Answers answers) {
        return json.writeValueAsString(answers.asMap());
    }

    /** A patch keeps emptied answers as empty lists so the merge removes what the client cleared. */
    String writePatch(Map<String, List<String>> changed) {
        return json.writeValueAsString(new LinkedHashMap<>(changed));
    }

    Answers read(String stored) {
        return Answers.of(json.readValue(stored, ANSWERS));
    }

    private static final TypeReference<List<Score>> SCORES = new TypeReference<>() {
    };
    private static final TypeReference<List<RiskFlag>> RISK_FLAGS = new TypeReference<>() {
    };

    List<Score> readScores(String stored) {
        return json.readValue(stored, SCORES);
    }

    List<RiskFlag> readRiskFlags(String stored) {
        return json.readValue(stored, RISK_FLAGS);
    }

    private static final TypeReference<List<String>> VALUES = new TypeReference<>() {
    };

    String writeValues(List<String> values) {
        return json.writeValueAsString(values);
    }

    List<String> readValues(String stored) {
        return json.readValue(stored, VALUES);
    }

    String writeScores(List<Score> scores) {
        return json.writeValueAsString(scores);
    }

    String writeRiskFlags(List<RiskFlag> flags) {
        return json.writeValueAsString(flags);
    }
}
