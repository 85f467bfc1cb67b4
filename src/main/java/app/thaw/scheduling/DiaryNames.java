package app.thaw.scheduling;

import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import app.thaw.base.database.DatabaseRefusals;
import app.thaw.base.domain.StorableText;
import app.thaw.scheduling.domain.AppointmentType;
import app.thaw.scheduling.domain.AppointmentTypeRepository;
import app.thaw.scheduling.domain.Room;
import app.thaw.scheduling.domain.RoomRepository;

/**
 * Rooms and kinds of session are picked from lists by name, so no two may look the same: a name is kept with single
 * spaces and compared whatever its case. The database's indexes (V197) decide a race; these name the one it clashes
 * with.
 */
@Component
class DiaryNames {

    /** Runs of spaces, tabs and no-break spaces: a page shows each run as one space. */
    private static final Pattern SPACES = Pattern.compile("[\\s\\h]+");

    private final RoomRepository rooms;
    private final AppointmentTypeRepository types;
    private final TransactionTemplate afresh;

    DiaryNames(RoomRepository rooms, AppointmentTypeRepository types, PlatformTransactionManager transactions) {
        this.rooms = rooms;
        this.types = types;
        this.afresh = new TransactionTemplate(transactions);
        // the refused write spoilt its own transaction, so the other name is read in one of its own
        this.afresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.afresh.setReadOnly(true);
    }

    /** The name as it is kept: ends trimmed, every run of spaces inside one space. */
    static String tidy(@Nullable String typed) {
        return typed == null ? "" : SPACES.matcher(typed).replaceAll(" ").strip();
    }

    /** A kind of session's name as kept, and its length, or the refusal naming the field at fault. */
    static String checkedTypeLabel(@Nullable String label, int minutes) {
        String text = tidy(label);
        if (!StorableText.isStorable(text)) {
            throw new SessionTypeRefused(SessionTypeRefused.Field.NAME, StorableText.REFUSAL);
        }
        if (text.isEmpty() || text.length() > AppointmentType.LABEL_MAX) {
            throw new SessionTypeRefused(SessionTypeRefused.Field.NAME, "A kind of session needs a name of up to "
                    + AppointmentType.LABEL_MAX + " characters.");
        }
        if (minutes < AppointmentType.MIN_MINUTES || minutes > AppointmentType.MAX_MINUTES) {
            throw new SessionTypeRefused(SessionTypeRefused.Field.MINUTES, "A session lasts between "
                    + AppointmentType.MIN_MINUTES + " and " + AppointmentType.MAX_MINUTES + " minutes.");
        }
        return text;
    }

    /** A room's name as kept, or the refusal that goes under its field: the same rules to add or rename. */
    static String checkedRoomName(@Nullable String name) {
        String text = tidy(name);
        if (!StorableText.isStorable(text)) {
            throw new IllegalArgumentException(StorableText.REFUSAL);
        }
        if (text.isEmpty() || text.length() > Room.NAME_MAX) {
            throw new IllegalArgumentException("A room needs a name of up to " + Room.NAME_MAX + " characters.");
        }
        return text;
    }

    /** Refuses a room's name that another room (not {@code self}) already has, whatever its case. */
    void refuseTakenRoom(String name, long self) {
        rooms.findByNameIgnoreCase(name).stream().filter(r -> r.getId() != self).findFirst().ifPresent(room -> {
            throw roomTaken(room.getName());
        });
    }

    /** After the database refused a room: the one someone added a moment ago, or a refusal that isn't about names. */
    RuntimeException roomRefused(DataIntegrityViolationException refused, String name) {
        if (!DatabaseRefusals.refusedWith(refused, DatabaseRefusals.UNIQUE_VIOLATION, "room_name_uk")) {
            return refused;
        }
        return roomTaken(read(() -> rooms.findByNameIgnoreCase(name).stream().findFirst().map(Room::getName)
                .orElse(name)));
    }

    /** Refuses a kind of session's name that another kind (not {@code self}) already has. */
    void refuseTakenType(String label, long self) {
        types.findByLabelIgnoreCase(label).stream().filter(t -> t.getId() != self).findFirst().ifPresent(type -> {
            throw typeTaken(type.getLabel());
        });
    }

    RuntimeException typeRefused(DataIntegrityViolationException refused, String label) {
        if (!DatabaseRefusals.refusedWith(refused, DatabaseRefusals.UNIQUE_VIOLATION, "appointment_type_label_uk")) {
            // its code is made from the name and a few random letters, so another try gets another code
            return new SessionTypeRefused(SessionTypeRefused.Field.NAME,
                    "That kind of session couldn't be added just now. Please try again.");
        }
        return typeTaken(read(() -> types.findByLabelIgnoreCase(label).stream().findFirst()
                .map(AppointmentType::getLabel).orElse(label)));
    }

    private String read(Supplier<String> name) {
        String found = afresh.execute(status -> name.get());
        return found == null ? "" : found;
    }

    private static IllegalArgumentException roomTaken(String existing) {
        return new IllegalArgumentException("There is already a room called " + existing + ".");
    }

    private static SessionTypeRefused typeTaken(String existing) {
        return new SessionTypeRefused(SessionTypeRefused.Field.NAME, "There is already a kind of session called "
                + existing + ".");
    }
}
