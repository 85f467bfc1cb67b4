package app.thaw.review;

import org.springframework.stereotype.Component;

import app.thaw.care.CareRecords;
import app.thaw.care.SessionNotes;

/** Review's way to the course of care: what it records there (review, referral, end) and the notes it shows. */
@Component
class CareLink {

    private final CareRecords records;
    private final SessionNotes notes;

    CareLink(CareRecords records, SessionNotes notes) {
        this.records = records;
        this.notes = notes;
    }

    CareRecords records() {
        return records;
    }

    SessionNotes notes() {
        return notes;
    }
}
