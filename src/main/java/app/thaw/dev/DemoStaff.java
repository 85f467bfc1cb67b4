package app.thaw.dev;

import java.util.Objects;

import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffSummary;

/** The demo therapists' ids, read once the demo logins exist. */
record DemoStaff(long amira, long tom, long grace) {

    static DemoStaff of(StaffAccountService staff) {
        return new DemoStaff(id(staff, "amira"), id(staff, "tom"), id(staff, "grace"));
    }

    private static long id(StaffAccountService staff, String username) {
        return staff.find(username).map(StaffSummary::id).orElseThrow(() -> new IllegalStateException(
                Objects.requireNonNull(username) + " is one of the demo logins"));
    }
}
