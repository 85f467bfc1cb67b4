package app.thaw.scheduling.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/** A client's request to cancel or rearrange a session, waiting for staff. */
@Entity
@Table(name = "appointment_request")
public class AppointmentRequest {

    public static final int MESSAGE_MAX = app.thaw.intake.ClientAppointments.MESSAGE_MAX;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "appointment_id", nullable = false)
    private long appointmentId;

    @Column(nullable = false, length = 12)
    private String kind;

    @Column
    @Convert(converter = EncryptedColumns.RequestMessage.class)
    private @Nullable String message;

    /** The client who asked; on a joint session only they see their request. Null for requests made before V30. */
    @Column(name = "requested_by_intake_id")
    private @Nullable Long requestedByIntakeId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "handled_at")
    private @Nullable Instant handledAt;

    @Column(name = "handled_by")
    private @Nullable Long handledBy;

    /**
     * HANDLED by staff, or closed by itself when the session was MOVED or CANCELLED as asked; DUPLICATE: a double tap's
     * second copy from before V201, closed in favour of the first.
     */
    @Column(length = 12)
    private @Nullable String resolution;

    /** Made inside the practice's notice period. */
    @Column(nullable = false)
    private boolean late;

    protected AppointmentRequest() {
    }

    public AppointmentRequest(long appointmentId, boolean cancel, @Nullable String message, Instant createdAt) {
        this(appointmentId, null, cancel, message, createdAt);
    }

    public AppointmentRequest(long appointmentId, @Nullable Long requestedByIntakeId, boolean cancel,
                              @Nullable String message, Instant createdAt) {
        this.appointmentId = appointmentId;
        this.requestedByIntakeId = requestedByIntakeId;
        this.kind = kind(cancel);
        this.message = message;
        this.createdAt = createdAt;
    }

    /** How a request to cancel, or to rearrange, is kept: one client has at most one open of each per session. */
    public static String kind(boolean cancel) {
        return cancel ? "CANCEL" : "REARRANGE";
    }

    public Long getId() {
        return id;
    }

    public long getAppointmentId() {
        return appointmentId;
    }

    public @Nullable Long getRequestedByIntakeId() {
        return requestedByIntakeId;
    }

    public boolean isCancel() {
        return "CANCEL".equals(kind);
    }

    public @Nullable String getMessage() {
        return message;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isHandled() {
        return handledAt != null;
    }

    public void handle(long staffId, Instant at) {
        resolve(staffId, at, "HANDLED");
    }

    /** Closed because the change the client asked for was made (the session moved or was cancelled). */
    public void resolve(@Nullable Long staffId, Instant at, String how) {
        this.handledBy = staffId;
        this.handledAt = at;
        this.resolution = how;
    }

    public @Nullable Instant getHandledAt() {
        return handledAt;
    }

    public @Nullable String getResolution() {
        return resolution;
    }

    public void markLate(boolean late) {
        this.late = late;
    }

    public boolean isLate() {
        return late;
    }
}
