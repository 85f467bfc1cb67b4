package app.thaw.scheduling.ui;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;

import app.thaw.base.ids.AppointmentId;
import app.thaw.base.ids.StaffId;
import app.thaw.base.ui.MainLayout;
import app.thaw.base.ui.PhoneColumns;
import app.thaw.scheduling.BookingCases;
import app.thaw.scheduling.DiarySetupService;
import app.thaw.scheduling.FreeSlotService;
import app.thaw.scheduling.LeaveService;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionChanges;
import app.thaw.scheduling.SessionNoteService;
import app.thaw.scheduling.SessionView;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffSummary;

/**
 * The diary, a day or a week at a time, in UK time. Therapists see their own; practice managers pick a
 * therapist or the whole practice, or see the practice week by therapist or by room side by side. Time away and closed
 * days are marked; cancelled sessions show on request. Click a free slot to book, a session to change it.
 * Query parameters: {@code case} (opens booking for that case reference), {@code date}, {@code therapist}
 * and {@code session} (opens that session), so other screens can link here.
 */
@Route(value = "staff/calendar", layout = MainLayout.class)
@PageTitle("Diary · Thaw")
@Menu(order = 10, title = "Diary", icon = "vaadin:calendar")
@RolesAllowed({Roles.THERAPIST, Roles.ADMIN})
public class CalendarView extends VerticalLayout implements BeforeEnterObserver {

    enum Mode {
        DAY("Day"), WEEK("Week"), TEAM("Team week"), ROOMS("Rooms week");

        final String label;

        Mode(String label) {
            this.label = label;
        }
    }

    /** Whose diary is shown; no therapist means the whole practice. */
    record Owner(@Nullable Long therapistId, String name) {
    }

    private final DiaryContext diary;
    private final RadioButtonGroup<Mode> mode = new RadioButtonGroup<>("View");
    /** Day or week as the person picked it, kept when a link brings them back to the diary. */
    private boolean modeChosen;
    private final Select<Owner> owner = new Select<>();
    private final H2 range = new H2();
    private final Div body = new Div();
    private final Checkbox withCancelled = new Checkbox("Show cancelled");
    private LocalDate anchor;
    private List<SessionView> shown = List.of();
    /** The one diary drawn (a day or a week), kept so a change to its sessions redraws only them. */
    private @Nullable WeekGrid grid;

    public CalendarView(SchedulingService scheduling, SessionChanges changes, DiarySetupService setup,
                        LeaveService leave, FreeSlotService freeSlots, BookingCases cases, SessionNoteService notes,
                        StaffAccountService staff, CurrentUser currentUser, Clock clock) {
        this.diary = new DiaryContext(scheduling, changes, setup, leave, freeSlots, cases, notes, staff,
                currentUser.require(), clock);
        this.anchor = diary.now().toLocalDate();
        addClassName("calendar-view");
        // as tall as the window on a desktop, as tall as the day on a phone (thaw.css)
        setWidthFull();
        range.addClassName("calendar-range");
        body.addClassName("diary-scroll");
        // a week with nothing booked still scrolls sideways: the box itself takes the keyboard's arrows
        body.getElement().setAttribute("tabindex", "0");
        body.getElement().setAttribute("role", "region");
        body.getElement().setAttribute("aria-label", "Diary");
        add(toolbar(), body);
        setFlexGrow(1, body);
    }

    private FlexLayout toolbar() {
        var previous = new Button("Previous", VaadinIcon.ANGLE_LEFT.create(), click -> step(-1));
        var today = new Button("Today", click -> {
            anchor = diary.now().toLocalDate();
            refresh();
        });
        var next = new Button("Next", VaadinIcon.ANGLE_RIGHT.create(), click -> step(1));
        next.setIconAfterText(true);
        mode.setItems(diary.me().isAdmin() ? List.of(Mode.values()) : List.of(Mode.DAY, Mode.WEEK));
        mode.setItemLabelGenerator(m -> m.label);
        mode.setValue(Mode.WEEK);
        mode.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                modeChosen = true;
            }
            refresh();
        });
        withCancelled.addValueChangeListener(change -> refresh());
        var book = new Button("Book session", VaadinIcon.PLUS.create(),
                click -> openBooking(new BookSessionDialog.Prefill(null, null, therapistShown())));
        book.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var bar = new FlexLayout(previous, today, next, range, mode);
        if (diary.me().isAdmin()) {
            owner.setLabel("Diary of");
            List<Owner> owners = new ArrayList<>();
            owners.add(new Owner(null, "Whole practice"));
            diary.staff().activeTherapists().forEach(t -> owners.add(new Owner(t.id(), t.displayName())));
            owner.setItems(owners);
            owner.setItemLabelGenerator(Owner::name);
            owner.setValue(owners.getFirst());
            owner.addValueChangeListener(change -> refresh());
            bar.add(owner);
        }
        bar.add(withCancelled, book);
        if (diary.me().isTherapist()) {
            bar.add(new Button("My working hours", VaadinIcon.CLOCK.create(),
                    click -> new WorkingHoursDialog(diary, diary.me().id(), this::refresh).open()));
        }
        bar.addClassName("calendar-toolbar");
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(Alignment.BASELINE);
        return bar;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters query = event.getLocation().getQueryParameters();
        query.getSingleParameter("date").ifPresent(date -> {
            try {
                anchor = LocalDate.parse(date);
            } catch (DateTimeParseException ignored) {
                // an odd link shows today
            }
        });
        query.getSingleParameter("therapist").flatMap(StaffId::parse).ifPresent(id ->
                owner.getListDataView().getItems().filter(o -> Long.valueOf(id.value()).equals(o.therapistId()))
                        .findFirst().ifPresent(owner::setValue));
        if (!modeChosen && mode.getValue() != Mode.DAY && onPhone(event.getUI())) {
            // a phone opens on the day: its week showed two and a half days and scrolled sideways for the rest
            mode.setValue(Mode.DAY);
        } else {
            refresh();
        }
        query.getSingleParameter("session").flatMap(AppointmentId::parse).ifPresent(id -> shown.stream()
                .filter(s -> s.id() == id.value()).findFirst().ifPresent(this::openSession));
        query.getSingleParameter("case").filter(ref -> !ref.isBlank()).ifPresent(ref ->
                openBooking(new BookSessionDialog.Prefill(ref, null, therapistShown())));
    }

    /** The browser's window size comes with the page load. */
    private static boolean onPhone(UI ui) {
        ExtendedClientDetails details = ui.getPage().getExtendedClientDetails();
        return details != null && PhoneColumns.phoneWide(details.getWindowInnerWidth());
    }

    private void step(int direction) {
        anchor = mode.getValue() == Mode.DAY ? anchor.plusDays(direction) : anchor.plusWeeks(direction);
        refresh();
    }

    /** The days shown: the anchor day, or Monday to Sunday of its week. */
    List<LocalDate> days() {
        if (mode.getValue() == Mode.DAY) {
            return List.of(anchor);
        }
        LocalDate monday = anchor.with(DayOfWeek.MONDAY);
        return monday.datesUntil(monday.plusDays(7)).toList();
    }

    private void refresh() {
        List<LocalDate> days = days();
        LocalDate first = days.getFirst();
        LocalDate last = days.getLast();
        boolean practiceWide = mode.getValue() == Mode.TEAM || mode.getValue() == Mode.ROOMS;
        owner.setVisible(!practiceWide);
        Long therapistId = practiceWide ? null : therapistShown();
        shown = diary.scheduling().sessions(StaffId.ofNullable(therapistId), first, last, withCancelled.getValue());
        List<StaffSummary> therapists = diary.staff().activeTherapists();
        List<Long> whose = therapistId != null ? List.of(therapistId) : therapists.stream().map(t -> t.id()).toList();
        var away = diary.leave().timeAway(whose, first, last);
        var closed = diary.leave().closedDays(first, last);
        range.setText(DiaryFormat.range(first, last));
        body.removeAll();
        grid = null;
        if (practiceWide) {
            body.add(teamWeek(days, therapists, away, closed));
            return;
        }
        var working = new WorkingWindows();
        for (Long id : whose) {
            working.add(days, diary.setup().workingHours(StaffId.of(id)), diary.setup().exceptions(StaffId.of(id),
                    first, last),
                    away.stream().filter(a -> a.therapistId() == id).toList(), closed);
        }
        var week = new WeekGrid(days, shown, working, new WeekGrid.Marks(therapistId == null ? List.of() : away,
                closed), diary.now(), therapistId == null, this::bookAt, this::openSession);
        week.getElement().setAttribute("aria-label", "Diary, " + range.getText());
        body.add(week);
        grid = week;
    }

    /**
     * After a booking, a move, a cancellation or an outcome: reads the shown days' sessions again and redraws only
     * them (ADR 22). Hours, time away and closed days did not change; the practice-wide weeks are drawn anew, and so
     * is a grid whose sessions now need other hours.
     */
    private void sessionsChanged() {
        if (grid == null) {
            refresh();
            return;
        }
        List<LocalDate> days = days();
        shown = diary.scheduling().sessions(StaffId.ofNullable(therapistShown()), days.getFirst(), days.getLast(),
                withCancelled.getValue());
        if (!grid.showSessions(shown)) {
            refresh();
        }
    }

    /** The practice week side by side: a row per therapist, or per room (in-person sessions). */
    private TeamWeek teamWeek(List<LocalDate> days, List<StaffSummary> therapists,
                              List<LeaveService.AwayView> away, List<LeaveService.ClosedDayView> closed) {
        List<TeamWeek.Row> rows = new ArrayList<>();
        boolean byRoom = mode.getValue() == Mode.ROOMS;
        if (byRoom) {
            diary.setup().rooms().stream().filter(r -> r.active() || shown.stream()
                    .anyMatch(s -> Long.valueOf(r.id()).equals(s.roomId())))
                    .forEach(r -> rows.add(new TeamWeek.Row(r.name(), s -> Long.valueOf(r.id()).equals(s.roomId()),
                            List.of())));
            rows.add(new TeamWeek.Row("Online", s -> s.roomId() == null, List.of()));
        } else {
            therapists.forEach(t -> rows.add(new TeamWeek.Row(t.displayName(), s -> s.therapistId() == t.id(),
                    away.stream().filter(a -> a.therapistId() == t.id()).toList())));
        }
        var week = new TeamWeek(days, rows, shown, closed, byRoom, diary.now().toLocalDate(), this::openSession);
        week.getElement().setAttribute("aria-label", (byRoom ? "Rooms, " : "Therapists, ") + range.getText());
        return week;
    }

    /** The therapist whose diary is shown: oneself for a therapist, the picked one (or none) for a manager. */
    private @Nullable Long therapistShown() {
        if (!diary.me().isAdmin()) {
            return diary.me().id();
        }
        return owner.getValue() == null ? null : owner.getValue().therapistId();
    }

    private void bookAt(LocalDateTime start) {
        openBooking(new BookSessionDialog.Prefill(null, start, therapistShown()));
    }

    private void openBooking(BookSessionDialog.Prefill prefill) {
        new BookSessionDialog(diary, prefill, this::sessionsChanged).open();
    }

    private void openSession(SessionView session) {
        new SessionDialog(diary, session, this::sessionsChanged).open();
    }
}
