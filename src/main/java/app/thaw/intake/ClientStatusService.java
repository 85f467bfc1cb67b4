package app.thaw.intake;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.ids.MeasureRequestId;
import app.thaw.base.ids.HeldSlotId;
import app.thaw.base.ids.AppointmentId;
import app.thaw.intake.questionnaire.TypedText;

/**
 * The client's status page: their own side only, reached with their private status link. Every call is open to
 * anyone; the link is the check, and other features get only a {@link VerifiedClient} made from it.
 */
@Service
@Transactional
public class ClientStatusService {

    private final ClientStatuses statuses;
    private final ObjectProvider<ClientAppointments> appointments;
    private final ObjectProvider<ClientMeasures> measures;
    private final ObjectProvider<ClientOffers> offers;

    ClientStatusService(ClientStatuses statuses, ObjectProvider<ClientAppointments> appointments,
                        ObjectProvider<ClientMeasures> measures, ObjectProvider<ClientOffers> offers) {
        this.statuses = statuses;
        this.appointments = appointments;
        this.measures = measures;
        this.offers = offers;
    }

    /** What the client sees through their status link (their own side only); empty for an unknown token. */
    @PermitAll
    @Transactional(readOnly = true)
    public Optional<ClientStatus> status(String statusToken) {
        return statuses.byStatusToken(statusToken).map(statuses::statusOf);
    }

    /** The client's coming sessions, for their status page. */
    @PermitAll
    @Transactional(readOnly = true)
    public List<ClientAppointments.Session> appointments(String statusToken) {
        return statuses.byStatusToken(statusToken).map(intake -> statuses.diaryOf(intake).upcoming())
                .orElse(List.of());
    }

    /** What came of the client's requests to change a session, for their status page. */
    @PermitAll
    @Transactional(readOnly = true)
    public List<ClientAppointments.RequestUpdate> requestUpdates(String statusToken) {
        ClientAppointments diary = appointments.getIfAvailable();
        return diary == null ? List.of()
                : client(statusToken).map(diary::requestUpdates)
                        .orElse(List.of());
    }

    /** Times the practice offered the client's case, to choose one on the status page. */
    @PermitAll
    @Transactional(readOnly = true)
    public ClientOffers.Offered offeredTimes(String statusToken) {
        ClientOffers waitlist = offers.getIfAvailable();
        return waitlist == null ? ClientOffers.Offered.none()
                : client(statusToken).map(waitlist::offered)
                        .orElse(ClientOffers.Offered.none());
    }

    /**
     * The client chooses one of the offered times; the session is booked for the case, or they are told why not. The
     * waiting list runs the choice in its own short transaction (a refused choice rolls back alone).
     */
    @PermitAll
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ClientOffers.Choice chooseOfferedTime(String statusToken, HeldSlotId slotId) {
        ClientOffers waitlist = offers.getIfAvailable();
        VerifiedClient client = client(statusToken).orElse(null);
        if (waitlist == null || client == null) {
            return new ClientOffers.Choice(false, "We couldn't find that offer. Please call the practice.");
        }
        return waitlist.choose(client, slotId);
    }

    /**
     * The client asks to cancel or rearrange one of their own sessions; returns what happens next, in words. The diary
     * runs it in its own short transaction, so the same request sent twice at once finds the first and adds nothing.
     */
    @PermitAll
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public String requestAppointmentChange(String statusToken, AppointmentId appointmentId, boolean cancel,
                                           @Nullable String message) {
        ClientAppointments diary = appointments.getIfAvailable();
        VerifiedClient client = client(statusToken).orElseThrow(
                () -> new IllegalArgumentException("We couldn't find your form."));
        if (diary == null) {
            throw new IllegalArgumentException("Please call the practice to change your session.");
        }
        return diary.requestChange(client, appointmentId.value(), cancel,
                message == null ? null : TypedText.clean(message));
    }

    /**
     * Free times the client may move one of their own sessions to, from {@code from} for two weeks; none for a joint
     * session or one inside the notice period (those are requests to the practice).
     */
    @PermitAll
    @Transactional(readOnly = true)
    public List<ClientAppointments.FreeTime> freeTimes(String statusToken, AppointmentId appointmentId,
                                                       @Nullable LocalDate from) {
        ClientAppointments diary = appointments.getIfAvailable();
        return diary == null ? List.of()
                : client(statusToken).map(client -> diary.freeTimes(client, appointmentId.value(),
                        from)).orElse(List.of());
    }

    /**
     * The client moves their own session to one of the free times. The diary runs the move in its own short
     * transaction, so a time taken in the same moment is refused alone and said kindly.
     */
    @PermitAll
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ClientAppointments.Change moveAppointment(String statusToken, AppointmentId appointmentId,
            ZonedDateTime newStart) {
        ClientAppointments diary = appointments.getIfAvailable();
        VerifiedClient client = client(statusToken).orElse(null);
        if (diary == null || client == null) {
            return new ClientAppointments.Change(false, "We couldn't find that session. Please call the practice.");
        }
        return diary.moveTo(client, appointmentId.value(), newStart);
    }

    /** The client's open measure requests (questions to answer before a session), for their status page. */
    @PermitAll
    @Transactional(readOnly = true)
    public List<ClientMeasures.Invitation> measureInvitations(String statusToken) {
        ClientMeasures source = measures.getIfAvailable();
        return source == null ? List.of()
                : client(statusToken).map(source::open)
                        .orElse(List.of());
    }

    /** A fresh private link to one of the client's own open measure requests; empty when it isn't theirs or open. */
    @PermitAll
    public Optional<String> measureLink(String statusToken, MeasureRequestId requestId) {
        ClientMeasures source = measures.getIfAvailable();
        return source == null ? Optional.empty()
                : client(statusToken).flatMap(client -> source.link(client, requestId.value()));
    }

    /** The client's own progress in plain words, unless their therapist switched it off. */
    @PermitAll
    @Transactional(readOnly = true)
    public List<String> progress(String statusToken) {
        ClientMeasures source = measures.getIfAvailable();
        return source == null ? List.of()
                : client(statusToken).map(source::progress)
                        .orElse(List.of());
    }

    /** A fresh partner link for the client who invited their partner; the old link stops working. */
    @PermitAll
    public Optional<String> renewPartnerInvitation(String statusToken) {
        return statuses.byStatusToken(statusToken).flatMap(statuses::renewInvitation);
    }

    private Optional<VerifiedClient> client(String statusToken) {
        return statuses.byStatusToken(statusToken).map(intake -> new VerifiedClient(intake.getId()));
    }
}
