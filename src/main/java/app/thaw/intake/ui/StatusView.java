package app.thaw.intake.ui;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import app.thaw.base.ids.MeasureRequestId;
import app.thaw.base.ids.HeldSlotId;
import app.thaw.base.ids.AppointmentId;
import app.thaw.base.PracticeTime;
import app.thaw.base.PracticeSettings;
import app.thaw.base.ui.PublicLayout;
import app.thaw.base.ui.UrgentHelp;
import app.thaw.intake.ClientAppointments;
import app.thaw.intake.ClientStatus;
import app.thaw.intake.ClientStatusService;

import org.jspecify.annotations.Nullable;

/**
 * The client's private page, phone first: what is booked, what happens next, how to ask for a change, and help
 * lines one tap away. Everything on it is the client's own side (see {@link ClientStatus}).
 */
@Route(value = "status/:token", layout = PublicLayout.class)
@PageTitle("Your form's status · Thaw")
@AnonymousAllowed
public class StatusView extends Div implements BeforeEnterObserver {

    private static final DateTimeFormatter SENT = PracticeTime.LONG_DATE;
    private static final DateTimeFormatter SESSION = PracticeTime.LONG_DAY_AT;

    private final ClientStatusService intake;
    private final PracticeSettings practice;
    private String token;

    public StatusView(ClientStatusService intake, PracticeSettings practice) {
        this.intake = intake;
        this.practice = practice;
        addClassName("status-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        render(null);
    }

    /** Draws the page again from the service, e.g. after a request, with what happened said first. */
    private void render(@Nullable String outcome) {
        removeAll();
        intake.status(token).ifPresentOrElse(status -> show(status, outcome), () -> add(
                new H1("We couldn't find that status page"),
                new Paragraph("Please check the link you saved. If you've lost it, call the practice and give your "
                        + "reference."), new Anchor("", "Go to the start page")));
    }

    private void show(ClientStatus status, @Nullable String outcome) {
        var reference = new Paragraph("Reference " + status.reference() + " · sent "
                + SENT.format(status.submittedAt()));
        reference.addClassName("status-reference");
        add(new H1("Your form and sessions"), reference, HelpNow.bar());
        if (outcome != null) {
            var done = new Paragraph(outcome);
            done.addClassName("wizard-notice");
            done.getElement().setAttribute("role", "status");
            add(done);
        }
        // what came of the client's requests (open ones show under their session)
        intake.requestUpdates(token).stream().filter(update -> !update.open()).forEach(update -> {
            var line = new Paragraph(update.text());
            line.addClassName("request-done");
            line.getElement().setAttribute("role", "status");
            add(line);
        });
        addMeasures(token);
        var headline = new Paragraph(headline(status));
        headline.addClassName("status-state");
        // times the practice holds for the client to choose from: choosing books at once and the page is drawn again
        var offered = new OfferedTimesPanel(() -> intake.offeredTimes(token),
                slot -> intake.chooseOfferedTime(token, HeldSlotId.of(slot)), choice -> render(choice.message()));
        add(offered);
        add(new H2("What's booked"), headline,
                new ClientSessionsPanel(status.upcoming(), new ClientSessionsPanel.Requester() {
                    @Override
                    public String request(ClientAppointments.Session session, boolean cancel, String message) {
                        return requestChange(session, cancel, message);
                    }

                    @Override
                    public MoveSessionDialog.Diary mover(ClientAppointments.Session session) {
                        return new MoveSessionDialog.Diary() {
                            @Override
                            public List<ClientAppointments.FreeTime> freeTimes(java.time.@Nullable LocalDate from) {
                                return intake.freeTimes(token, AppointmentId.of(session.appointmentId()), from);
                            }

                            @Override
                            public ClientAppointments.Change move(java.time.ZonedDateTime start) {
                                return intake.moveAppointment(token, AppointmentId.of(session.appointmentId()), start);
                            }
                        };
                    }

                    @Override
                    public void moved(String outcome) {
                        render(outcome);
                    }
                }, practice.current().clientNotice().toHours()),
                new H2("What happens next"), new Paragraph(nextStep(status, offered.offersTimes())));
        // how to move or cancel, only beside something to move: with nothing booked it pointed at buttons not there
        if (!status.upcoming().isEmpty()) {
            add(new H2("Changing or cancelling a session"), changing());
        }
        addProgress(token);
        if (status.mayInvitePartner()) {
            addInvitation();
        }
        add(helpLines());
    }

    /**
     * The same lines for everyone: whoever opens the link, a partner among them, must not learn from this page that
     * the answers raised a concern (the confirmation page, shown once, says so).
     */
    private static UrgentHelp helpLines() {
        return new UrgentHelp("We don't watch this page around the clock. If you need help now, please don't wait "
                + "for us:", "Calling any of these doesn't change your place with us.");
    }

    /** "Your first session is on …": what is booked, said plainly, never "waiting" once something is. */
    static String headline(ClientStatus status) {
        return switch (status.stage()) {
            case BOOKED -> status.nextSession().map(next -> (status.earlierSessions() == 0 ? "Your first session is on "
                    : "Your next session is on ") + SESSION.format(next.start()) + ".").orElseThrow();
            case NOTHING_BOOKED -> "No session is booked at the moment.";
            case ENDED -> "Your sessions have ended. Nothing is booked.";
            case CLOSED -> "Your form is closed. Nothing is booked.";
            case RECEIVED, BEING_READ, NEXT_STEP_DECIDED, WAITING_LIST -> "Nothing is booked yet.";
        };
    }

    /** {@code choosing}: times are offered above, so "we'll contact you when a time comes free" would be untrue. */
    private String nextStep(ClientStatus status, boolean choosing) {
        String how = how(status);
        if (choosing && (status.stage() == ClientStatus.Stage.WAITING_LIST
                || status.stage() == ClientStatus.Stage.NOTHING_BOOKED)) {
            return "Choose one of the times above. If none of them suits you, you stay on our waiting list: when "
                    + "another time comes free, " + how;
        }
        return switch (status.stage()) {
            case RECEIVED -> "We've received your form. A therapist will read it, usually within two working days, "
                    + "and then " + how;
            case BEING_READ -> "A therapist is reading your form. Afterwards " + how;
            case NEXT_STEP_DECIDED -> "A therapist has decided the next step, and " + how;
            case WAITING_LIST -> "You're on our waiting list. When a time comes free, " + how;
            case BOOKED -> "Come to your session at the time shown. If anything changes, " + how;
            case NOTHING_BOOKED -> "If another session is planned, " + how;
            case ENDED, CLOSED -> "If you'd like to talk to us again, call the practice on " + phone() + ".";
        };
    }

    /** How the practice will be in touch, in the ways the client said are safe (or not at all). */
    private String how(ClientStatus status) {
        if (status.contactWays().isEmpty()) {
            return "we'll show it here. You told us not to contact you, so please check this page, or call the "
                    + "practice on " + phone() + " and give your reference.";
        }
        List<String> ways = new ArrayList<>();
        if (status.contactWays().contains("phone")) {
            ways.add("a phone call");
        }
        if (status.contactWays().contains("text")) {
            ways.add("a text message");
        }
        if (status.contactWays().contains("voicemail")) {
            ways.add("a voicemail message");
        }
        if (status.contactWays().contains("email")) {
            ways.add("email");
        }
        String joined = ways.size() == 1 ? ways.getFirst()
                : String.join(", ", ways.subList(0, ways.size() - 1)) + " or " + ways.getLast();
        return "we'll contact you by " + joined + ", as you told us is safe. It will also show here.";
    }

    private Div changing() {
        var call = new Anchor();
        call.setText(phone());
        // the practice's own number from Practice details (staff only), never typed by a client
        call.setUnsafeHref("tel:" + phone().replaceAll("[^0-9+]", ""));
        long hours = practice.current().clientNotice().toHours();
        var text = new Paragraph(new Span("Use the buttons under a session to move it to another free time or to "
                + "cancel it. A session less than " + hours + " hours away can't be moved here (ask the practice to "
                + "rearrange it), and cancelling it counts as a late cancellation. A session with your partner is "
                + "changed through the practice, who'll contact you first. You can also call the practice on "),
                call, new Span("."));
        var box = new Div(text);
        box.addClassName("status-changing");
        return box;
    }

    private String requestChange(ClientAppointments.Session session, boolean cancel, String message) {
        String outcome = intake.requestAppointmentChange(token, AppointmentId.of(session.appointmentId()), cancel,
                message);
        render(outcome);
        return outcome;
    }

    /** Questions to answer before a session: each opens the client's own short form through a fresh private link. */
    private void addMeasures(String token) {
        var open = intake.measureInvitations(token);
        if (open.isEmpty()) {
            return;
        }
        var area = new Div(new H2("Before your next appointment"), new Paragraph("Your therapist asks a few short "
                + "questions before each appointment, to see together how things are going. Only your therapist "
                + "sees your answers."));
        area.addClassName("status-measures");
        for (var invitation : open) {
            var answer = new Button("Answer " + invitation.questionCount() + " questions for "
                    + SESSION_DAY.format(invitation.sessionStarts()), click -> intake.measureLink(token,
                    MeasureRequestId.of(invitation.requestId()))
                    .ifPresent(link -> getUI().ifPresent(ui -> ui.navigate(link))));
            answer.addClassName("answer-measures");
            answer.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_PRIMARY);
            area.add(answer);
        }
        add(area);
    }

    /** The client's own progress in plain words (never a partner's), unless their therapist switched it off. */
    private void addProgress(String token) {
        var lines = intake.progress(token);
        if (lines.isEmpty()) {
            return;
        }
        var area = new Div(new H2("Your progress"));
        area.addClassName("status-progress");
        lines.forEach(line -> area.add(new Paragraph(line)));
        area.add(new Paragraph("These are your own answers to the questions before each appointment. Your "
                + "therapist will talk them through with you."));
        add(area);
    }

    private static final DateTimeFormatter SESSION_DAY = PracticeTime.WEEKDAY_TIME;

    /** Worded the same whether or not the partner has sent their form: this page never says which. */
    private void addInvitation() {
        var area = new Div();
        var renew = new Button("Create a new invitation link", click -> intake.renewPartnerInvitation(token)
                .ifPresent(link -> {
                    area.removeAll();
                    area.add(new LinkBox("Send this new link to your partner if they still need it. Any older link "
                            + "no longer works.", PublicLinks.absolute("intake/partner/" + link), "partner-link"));
                }));
        area.add(renew);
        add(new H2("Your partner's invitation"), new Paragraph("Your partner fills in their own form, which only "
                + "our therapists read. For both your sakes this page never shows whether they have. If they haven't "
                + "started and have lost the link you sent, you can make a new one."), area);
    }

    /** The practice's number as the practice manager keeps it in Practice details. */
    private String phone() {
        return practice.current().phone();
    }
}
