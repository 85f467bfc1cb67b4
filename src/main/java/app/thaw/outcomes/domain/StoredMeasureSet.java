package app.thaw.outcomes.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One answered set with its answers (item id to values), as stored: for the client's own subject access and for
 * another clinical system's copy of the course (FHIR).
 */
public record StoredMeasureSet(long id, Instant answeredAt, String source, String versions, String answersJson,
                               @Nullable Integer phq9, @Nullable Integer gad7, @Nullable Integer csi4,
                               @Nullable Integer feelings) {
}
