package app.thaw.base.domain;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import java.util.Objects;

/** Database-generated id plus an optimistic-lock version so concurrent edits never overwrite each other. */
@MappedSuperclass
public abstract class AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    @Column(nullable = false)
    private long version;

    /** Asked only of a saved entity: the database gives the id on insert. */
    public Long getId() {
        return Objects.requireNonNull(id, "an entity has no id until it is saved");
    }

    public long getVersion() {
        return version;
    }

    /** The id of a row a hot path wrote by SQL at version 0 (see its caller): the object is never persisted by JPA. */
    protected final void writtenAs(long writtenId) {
        if (id != null) {
            throw new IllegalStateException("this entity already has a row");
        }
        this.id = writtenId;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || getClass() != other.getClass()) {
            return false;
        }
        return id != null && id.equals(((AbstractEntity) other).id);
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }
}
