package app.thaw.privacy.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

import app.thaw.base.domain.Erased;

/** One part of a client's export the reviewing clinician withheld, and their reason (both encrypted at rest). */
@Entity
@Table(name = "subject_access_withheld")
public class WithheldPart {

    /** The reason as the form allows it; stored encrypted, so the column itself has no limit. */
    public static final int REASON_MAX = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id", nullable = false)
    private long requestId;

    @Column(name = "item_key", nullable = false)
    @Convert(converter = EncryptedColumns.WithheldKey.class)
    private String itemKey;

    @Column(name = "item_title")
    @Convert(converter = EncryptedColumns.WithheldTitle.class)
    private @Nullable String itemTitle;

    @Column
    @Convert(converter = EncryptedColumns.WithheldReason.class)
    private @Nullable String reason;

    @Column(name = "withheld_by", nullable = false)
    private long withheldBy;

    @Column(name = "withheld_at", nullable = false)
    private Instant withheldAt;

    protected WithheldPart() {
    }

    public WithheldPart(long requestId, String itemKey, String itemTitle, String reason, long withheldBy,
                        Instant withheldAt) {
        this.requestId = requestId;
        this.itemKey = itemKey;
        this.itemTitle = itemTitle;
        this.reason = reason;
        this.withheldBy = withheldBy;
        this.withheldAt = withheldAt;
    }

    public String getItemKey() {
        return itemKey;
    }

    /** What was withheld, as the reviewer saw it named, or the erasure marker once the client was erased. */
    public String getItemTitle() {
        return Erased.orMarker(itemTitle);
    }

    public String getReason() {
        return Erased.orMarker(reason);
    }

    public long getWithheldBy() {
        return withheldBy;
    }

    public Instant getWithheldAt() {
        return withheldAt;
    }
}
