package app.thaw.intake.questionnaire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The client's answers, item id to values: one value for single-valued items, several for
 * multi-choice, "true" for a ticked consent. Immutable; values are kept exactly as typed.
 * Null and empty-string values are dropped, and an item with no values left is absent.
 */
public final class Answers {

    private static final Answers EMPTY = new Answers(Map.of());

    private final Map<String, List<String>> values;

    private Answers(Map<String, List<String>> values) {
        this.values = values;
    }

    public static Answers empty() {
        return EMPTY;
    }

    public static Answers of(Map<String, ? extends Collection<String>> source) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        source.forEach((id, v) -> {
            Objects.requireNonNull(id, "item id");
            List<String> kept = clean(v);
            if (!kept.isEmpty()) {
                copy.put(id, kept);
            }
        });
        return copy.isEmpty() ? EMPTY : new Answers(Collections.unmodifiableMap(copy));
    }

    /** A copy with this item's values replaced; no values (or only null/empty) removes the answer. */
    public Answers with(String itemId, String... newValues) {
        return with(itemId, newValues == null ? List.of() : Arrays.asList(newValues));
    }

    public Answers with(String itemId, Collection<String> newValues) {
        Objects.requireNonNull(itemId, "item id");
        Map<String, List<String>> copy = new LinkedHashMap<>(values);
        List<String> kept = clean(newValues);
        if (kept.isEmpty()) {
            copy.remove(itemId);
        } else {
            copy.put(itemId, kept);
        }
        return copy.isEmpty() ? EMPTY : new Answers(Collections.unmodifiableMap(copy));
    }

    public Answers without(String itemId) {
        return with(itemId, List.of());
    }

    /** The first (for single-valued items, the only) value as typed. */
    public Optional<String> single(String itemId) {
        List<String> v = values.get(itemId);
        return v == null ? Optional.empty() : Optional.of(v.getFirst());
    }

    public List<String> multi(String itemId) {
        return values.getOrDefault(itemId, List.of());
    }

    /** True when at least one value shows something: whitespace and invisible characters alone are no answer. */
    public boolean isAnswered(String itemId) {
        return multi(itemId).stream().anyMatch(TypedText::hasVisibleContent);
    }

    public boolean contains(String itemId) {
        return values.containsKey(itemId);
    }

    public Set<String> itemIds() {
        return values.keySet();
    }

    public int size() {
        return values.size();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Unmodifiable view in insertion order. */
    public Map<String, List<String>> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Answers a && a.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** Never prints values: answers are clinical content and must not reach logs. */
    @Override
    public String toString() {
        return "Answers[" + values.size() + " items]";
    }

    private static List<String> clean(Collection<String> raw) {
        if (raw == null) {
            return List.of();
        }
        List<String> kept = new ArrayList<>(raw.size());
        for (String s : raw) {
            if (s != null && !s.isEmpty()) {
                kept.add(s);
            }
        }
        return List.copyOf(kept);
    }
}
