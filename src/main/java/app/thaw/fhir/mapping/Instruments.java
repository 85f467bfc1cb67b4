package app.thaw.fhir.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.hl7.fhir.r4.model.Coding;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The standard codes of published instruments (PHQ-9, GAD-7, …) keyed by Thaw's item and score ids, read from
 * {@code fhir/instruments.yaml}. Keyed by id rather than by questionnaire, so every version of the intake and every
 * outcome measure that asks an instrument's items carries its codes.
 */
public final class Instruments {

    /** One coded concept. */
    public record Code(String code, String display) {

        Coding coding() {
            return new Coding(ThawFhir.LOINC, code, display);
        }
    }

    /** One instrument: its panel, total score, item and answer codes (by Thaw option value). */
    public record Instrument(String id, String name, Code panel, Code total, String copyright,
                             Map<String, Code> items, Map<String, Code> answers) {
    }

    private record File(List<Instrument> instruments) {
    }

    private static final Instruments STANDARD = load("fhir/instruments.yaml");

    private final List<Instrument> instruments;

    private Instruments(List<Instrument> instruments) {
        this.instruments = List.copyOf(instruments);
    }

    public static Instruments standard() {
        return STANDARD;
    }

    static Instruments load(String classpath) {
        var mapper = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try (InputStream in = Instruments.class.getClassLoader().getResourceAsStream(classpath)) {
            if (in == null) {
                throw new IllegalStateException(classpath + " is missing");
            }
            return new Instruments(mapper.readValue(in, File.class).instruments());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Instrument> all() {
        return instruments;
    }

    /** The instrument an item belongs to, if it is a standard one. */
    public Optional<Instrument> ofItem(String itemId) {
        return instruments.stream().filter(i -> i.items().containsKey(itemId)).findFirst();
    }

    /** The instrument whose total a score is: the score id names it. */
    public Optional<Instrument> ofScore(String scoreId) {
        return instruments.stream().filter(i -> i.id().equals(scoreId)).findFirst();
    }

    public @Nullable Coding itemCoding(String itemId) {
        return ofItem(itemId).map(i -> Objects.requireNonNull(i.items().get(itemId), "found by this item").coding())
                .orElse(null);
    }

    /** The standard answer code of an option of a standard item (e.g. LA6568-5 "Not at all"), if there is one. */
    public @Nullable Coding answerCoding(String itemId, String value) {
        return ofItem(itemId).map(i -> i.answers().get(value)).map(Code::coding).orElse(null);
    }

    /** The Thaw option value behind a standard answer code of this item. */
    public Optional<String> valueOfAnswer(String itemId, String code) {
        return ofItem(itemId).flatMap(i -> i.answers().entrySet().stream()
                .filter(e -> e.getValue().code().equals(code)).map(Map.Entry::getKey).findFirst());
    }
}
