package app.thaw.scheduling.ui;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

import app.thaw.Application;
import app.thaw.scheduling.BookingCases;
import app.thaw.scheduling.DiarySetupService;
import app.thaw.scheduling.FreeSlotService;
import app.thaw.scheduling.LeaveService;
import app.thaw.scheduling.SchedulingService;
import app.thaw.scheduling.SessionChanges;
import app.thaw.scheduling.SessionNoteService;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffUser;

/** What the diary screens and their dialogs share: the services, who is signed in and the practice clock. */
record DiaryContext(SchedulingService scheduling, SessionChanges changes, DiarySetupService setup,
                    LeaveService leave, FreeSlotService freeSlots, BookingCases cases, SessionNoteService notes,
                    StaffAccountService staff, StaffUser me, Clock clock) {

    /** UK wall-clock time now. */
    LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(Application.PRACTICE_ZONE));
    }

    static ZonedDateTime uk(LocalDateTime local) {
        return ZonedDateTime.of(local, Application.PRACTICE_ZONE);
    }
}
