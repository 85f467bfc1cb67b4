package app.thaw.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.base.PracticeTime;
import app.thaw.base.database.DatabaseRefusals;
import app.thaw.scheduling.domain.WorkingException;
import app.thaw.scheduling.domain.WorkingExceptionRepository;
import app.thaw.scheduling.domain.WorkingHours;
import app.thaw.scheduling.domain.WorkingHoursRepository;

/**
 * A therapist's working time as kept: the usual week's blocks and extra hours on dates. One day's blocks never overlap
 * (they may meet: 09:00–12:00 then 12:00–17:00), so removing a block always frees its hours; the database's exclusion
 * constraint (V197) decides a race.
 */
@Component
class UsualWeek {

    private static final String CONSTRAINT = "working_hours_overlap_ex";

    private final WorkingHoursRepository hours;
    private final WorkingExceptionRepository extras;
    private final TransactionTemplate afresh;

    UsualWeek(WorkingHoursRepository hours, WorkingExceptionRepository extras,
              PlatformTransactionManager transactions) {
        this.hours = hours;
        this.extras = extras;
        this.afresh = new TransactionTemplate(transactions);
        // the refused write spoilt its own transaction, so the block it met is read in one of its own
        this.afresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.afresh.setReadOnly(true);
    }

    List<WorkingHours> hours(long therapistId) {
        return hours.findByTherapistIdOrderByDayOfWeekAscStartsAsc(therapistId);
    }

    /** Removes the therapist's block, returning it (none when it was theirs no longer or already gone). */
    Optional<WorkingHours> removeHours(long therapistId, long hoursId) {
        Optional<WorkingHours> found = hours.findById(hoursId).filter(h -> h.getTherapistId() == therapistId);
        found.ifPresent(block -> {
            hours.delete(block);
            hours.flush();
        });
        return found;
    }

    List<WorkingException> extras(long therapistId, LocalDate from, LocalDate to) {
        return extras.findByTherapistIdAndDayBetweenOrderByDayAsc(therapistId, from, to);
    }

    void addExtra(WorkingException extra) {
        extras.save(extra);
    }

    Optional<WorkingException> removeExtra(long therapistId, long extraId) {
        Optional<WorkingException> found = extras.findById(extraId).filter(e -> e.getTherapistId() == therapistId);
        found.ifPresent(extra -> {
            extras.delete(extra);
            extras.flush();
        });
        return found;
    }

    /** Saves the block, or says which block of that day it overlaps (under the times, where it can be changed). */
    WorkingHours add(WorkingHours block) {
        long therapistId = block.getTherapistId();
        DayOfWeek day = block.getDay();
        overlapping(therapistId, day, block.getStarts(), block.getEnds()).ifPresent(existing -> {
            throw new IllegalArgumentException(message(existing));
        });
        try {
            return hours.saveAndFlush(block);
        } catch (DataIntegrityViolationException refused) {
            if (!DatabaseRefusals.refusedWith(refused, DatabaseRefusals.EXCLUSION_VIOLATION, CONSTRAINT)) {
                throw refused;
            }
            // added a moment ago (another tab, a colleague): named as the database now has it
            String said = afresh.execute(status -> overlapping(therapistId, day, block.getStarts(), block.getEnds())
                    .map(this::message).orElse(""));
            throw new IllegalArgumentException(said != null && !said.isEmpty() ? said
                    : dayName(day) + " already has hours that overlap these. Reload the page to see them.");
        }
    }

    private Optional<WorkingHours> overlapping(long therapistId, DayOfWeek day, LocalTime starts, LocalTime ends) {
        return hours.findByTherapistIdOrderByDayOfWeekAscStartsAsc(therapistId).stream()
                .filter(h -> h.getDay() == day && h.getStarts().isBefore(ends) && starts.isBefore(h.getEnds()))
                .findFirst();
    }

    private String message(WorkingHours block) {
        return dayName(block.getDay()) + " already has hours from " + PracticeTime.TIME.format(block.getStarts())
                + " to " + PracticeTime.TIME.format(block.getEnds()) + ". Choose times outside them, or remove that "
                + "block first.";
    }

    private static String dayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.UK);
    }
}
