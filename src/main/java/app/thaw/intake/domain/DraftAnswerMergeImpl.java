package app.thaw.intake.domain;

import java.time.Instant;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

/** Found by Spring Data through its name: the custom part of {@link IntakeDraftRepository}. */
class DraftAnswerMergeImpl implements DraftAnswerMerge {

    private final EntityManager entityManager;
    private final EncryptedColumns.DraftAnswers draftAnswers;

    DraftAnswerMergeImpl(EntityManager entityManager, EncryptedColumns.DraftAnswers draftAnswers) {
        this.entityManager = entityManager;
        this.draftAnswers = draftAnswers;
    }

    @Override
    public int mergeAnswers(String tokenHash, String patch, @Nullable String section, Instant now, Instant expiresAt) {
        entityManager.flush();
        int updated = entityManager.unwrap(Session.class).createNativeMutationQuery("""
                        update intake_draft
                           set answers = answers || cast(:patch as jsonb),
                               current_section = coalesce(cast(:section as varchar), current_section),
                               updated_at = :now,
                               expires_at = :expiresAt,
                               version = version + 1
                         where token_hash = :tokenHash
                           and submitted_intake_id is null
                           and expires_at > :now""")
                .setParameter("patch", draftAnswers.convertToDatabaseColumn(patch), String.class)
                .setParameter("section", section, String.class)
                .setParameter("now", now, Instant.class)
                .setParameter("expiresAt", expiresAt, Instant.class)
                .setParameter("tokenHash", tokenHash, String.class)
                .executeUpdate();
        entityManager.clear();
        return updated;
    }
}
