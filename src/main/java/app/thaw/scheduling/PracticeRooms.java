package app.thaw.scheduling;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.base.ChangedMeanwhile;
import app.thaw.scheduling.DiarySetupService.RoomView;
import app.thaw.scheduling.domain.Room;
import app.thaw.scheduling.domain.RoomRepository;

/**
 * The practice's rooms as the practice manager keeps them: added, renamed, taken out of use and brought back, each in
 * the audit log. Sessions hold the room, not its name, so a new name shows on every session booked there.
 */
@Component
class PracticeRooms {

    private final RoomRepository rooms;
    private final DiaryNames names;
    private final RoomUse use;
    private final AuditLog auditLog;

    PracticeRooms(RoomRepository rooms, DiaryNames names, RoomUse use, AuditLog auditLog) {
        this.rooms = rooms;
        this.names = names;
        this.use = use;
        this.auditLog = auditLog;
    }

    RoomView add(String name) {
        String text = DiaryNames.checkedRoomName(name);
        names.refuseTakenRoom(text, 0);
        try {
            Room room = rooms.saveAndFlush(new Room(text));
            auditLog.record(AuditAction.ROOM_CHANGED, null, null, "Added " + text);
            return view(room);
        } catch (DataIntegrityViolationException duplicate) {
            throw names.roomRefused(duplicate, text);
        }
    }

    /** Refused when the room changed (renamed, taken out of use) since the form showed it at {@code version}. */
    RoomView rename(long roomId, String name, long version) {
        String text = DiaryNames.checkedRoomName(name);
        Room room = rooms.findById(roomId).orElseThrow();
        if (room.getVersion() != version) {
            throw ChangedMeanwhile.saying("Someone else changed this room since you opened this: it is now "
                    + room.getName() + (room.isActive() ? ", in use" : ", not in use") + ". Nothing was saved. "
                    + "Cancel to see the rooms as they are now, then rename it again if it still needs it.");
        }
        if (room.getName().equals(text)) {
            return view(room);
        }
        names.refuseTakenRoom(text, roomId);
        String before = room.getName();
        room.rename(text);
        try {
            rooms.flush();
        } catch (DataIntegrityViolationException duplicate) {
            throw names.roomRefused(duplicate, text);
        } catch (OptimisticLockingFailureException concurrent) {
            throw new ChangedMeanwhile(null);
        }
        auditLog.record(AuditAction.ROOM_CHANGED, null, null, "Renamed " + before + " → " + text);
        return view(room);
    }

    RoomChange setActive(long roomId, boolean active) {
        Room room = rooms.findById(roomId).orElseThrow();
        if (room.isActive() == active) {
            return RoomChange.NONE;
        }
        room.setActive(active);
        // the row's update waits for bookings into the room in flight (V206), so the count below includes them
        rooms.flush();
        auditLog.record(AuditAction.ROOM_CHANGED, null, null, room.getName() + (active ? ": in use again"
                : ": out of use"));
        if (active) {
            return RoomChange.NONE;
        }
        return use.outOfUse(room.getId());
    }

    static RoomView view(Room room) {
        return new RoomView(room.getId(), room.getName(), room.isActive(), room.getVersion());
    }
}
