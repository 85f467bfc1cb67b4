package app.thaw.privacy;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Who may review a client's export: the clinicians the case-access policy lets read it (the case's therapist and
 * therapists with a session; any therapist while the case is unassigned). The suggestion is the case's therapist,
 * else the therapist of the most recent session; none means the practice manager chooses.
 */
public record ReviewerChoice(List<Reviewer> reviewers, @Nullable Long suggested) {

    public record Reviewer(long id, String name, String relation) {
    }
}
