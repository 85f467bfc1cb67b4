package app.thaw.intake.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import app.thaw.base.crypto.FieldCipher;
import app.thaw.intake.QuestionnaireCatalog;
import app.thaw.intake.questionnaire.Item;

/**
 * Encrypts the typed answers inside an answers document (item id → values) and leaves the fixed ones
 * (choices, scales, dates, consents) readable, so statistics and scoring can still use them. A value's
 * associated data is its column and item, so it cannot be moved to another question or column.
 * Items not found in any questionnaire version are encrypted too: unknown means possibly free text.
 */
@Component
public class AnswerEncryption {

    private static final TypeReference<LinkedHashMap<String, List<String>>> ANSWERS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> VALUES = new TypeReference<>() {
    };
    private static final Pattern ITEM_ID = Pattern.compile("[A-Za-z0-9_.-]+");

    private final FieldCipher cipher;
    private final JsonMapper json;
    private final Set<String> fixedItems;

    AnswerEncryption(FieldCipher cipher, JsonMapper json, QuestionnaireCatalog questionnaires) {
        this.cipher = cipher;
        this.json = json;
        this.fixedItems = questionnaires.all().stream().flatMap(q -> q.items().stream())
                .filter(item -> !item.kind().isText()).map(Item::id)
                .filter(id -> ITEM_ID.matcher(id).matches()).collect(Collectors.toUnmodifiableSet());
    }

    public boolean isEncrypted(String itemId) {
        return !fixedItems.contains(itemId);
    }

    /** The document with every free-text value encrypted under the active key. */
    @Contract("!null, _ -> !null")
    public @Nullable String encrypt(@Nullable String answersJson, String column) {
        return transform(answersJson, column, (value, context) -> cipher.encrypt(value, context));
    }

    /** The document as the client typed it; plain values from before encryption are read as they are. */
    @Contract("!null, _ -> !null")
    public @Nullable String decrypt(@Nullable String answersJson, String column) {
        return transform(answersJson, column, (value, context) -> cipher.decryptOrLegacy(value, context));
    }

    @Contract("!null, _, _ -> !null")
    public @Nullable String reencrypt(@Nullable String answersJson, String column, FieldCipher ring) {
        return transform(answersJson, column, ring::reencrypt);
    }

    /** Rows with a free-text value not yet under the ring's active key (plain text or an older key). */
    public String staleCondition(String column, FieldCipher ring) {
        String fixed = fixedItems.isEmpty() ? "true" : "e.key not in (" + fixedItems.stream().sorted()
                .map(id -> "'" + id + "'").collect(Collectors.joining(", ")) + ")";
        return "exists (select 1 from jsonb_each(" + column + ") e cross join lateral jsonb_array_elements_text("
                + "case when jsonb_typeof(e.value) = 'array' then e.value else '[]'::jsonb end) v(t) where " + fixed
                + " and v.t not like '" + ring.activePrefix() + "%')";
    }

    /** Every value of one corrected answer (a JSON array), encrypted whatever the item's kind. */
    public String encryptValues(String valuesJson, String column) {
        return json.writeValueAsString(read(valuesJson).stream().map(v -> cipher.encrypt(v, column)).toList());
    }

    public String decryptValues(String valuesJson, String column) {
        return json.writeValueAsString(read(valuesJson).stream().map(v -> cipher.decryptOrLegacy(v, column)).toList());
    }

    public String reencryptValues(String valuesJson, String column, FieldCipher ring) {
        return json.writeValueAsString(read(valuesJson).stream().map(v -> ring.reencrypt(v, column)).toList());
    }

    private List<String> read(String valuesJson) {
        return json.readValue(valuesJson, VALUES);
    }

    @Contract("!null, _, _ -> !null")
    private @Nullable String transform(@Nullable String answersJson, String column, BiFunction<String, String, String> change) {
        if (answersJson == null) {
            return null;
        }
        Map<String, List<String>> answers = json.readValue(answersJson, ANSWERS);
        var changed = new LinkedHashMap<String, List<String>>();
        answers.forEach((itemId, values) -> {
            if (values == null || !isEncrypted(itemId)) {
                changed.put(itemId, values);
                return;
            }
            var out = new ArrayList<String>(values.size());
            values.forEach(value -> out.add(change.apply(value, column + "#" + itemId)));
            changed.put(itemId, out);
        });
        return json.writeValueAsString(changed);
    }
}
