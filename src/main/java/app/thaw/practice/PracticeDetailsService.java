package app.thaw.practice;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.base.ids.SessionTypeId;
import app.thaw.audit.AuditAction;
import app.thaw.audit.AuditLog;
import app.thaw.base.ChangedMeanwhile;
import app.thaw.base.PracticeSettings;
import app.thaw.base.domain.StorableText;
import app.thaw.practice.PracticeDetailsForm.Field;
import app.thaw.scheduling.DiarySetupService;
import app.thaw.security.CurrentUser;
import app.thaw.security.Roles;

/**
 * The practice's details as clients and emails see them, the notice period for clients' own cancellations, reminder
 * times and the kinds of session: kept by the practice manager, checked field by field, every change audited (which
 * fields, not their values: an address is no secret, but a log of who typed what is enough).
 */
@Service
@Transactional
@RolesAllowed(Roles.ADMIN)
public class PracticeDetailsService {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s<>\".]+(\\.[^@\\s<>\".]+)+");
    private static final Pattern SENDER = Pattern.compile("([^<>\"\\r\\n]{1,100}<)?[^@\\s<>\"]{1,64}@[^@\\s<>\".]+"
            + "(\\.[^@\\s<>\".]+)+>?");
    private static final Pattern PHONE = Pattern.compile("[0-9+() \\-]{6,32}");

    /** The details as stored (blank where the default applies), what applies now, and the version a save needs. */
    public record Details(PracticeSettings.Stored stored, PracticeSettings.Values current,
                          PracticeSettings.Values defaults, long version) {
    }

    private final PracticeSettings settings;
    private final DiarySetupService diary;
    private final AuditLog auditLog;
    private final CurrentUser currentUser;
    private final Clock clock;

    PracticeDetailsService(PracticeSettings settings, DiarySetupService diary, AuditLog auditLog,
                           CurrentUser currentUser, Clock clock) {
        this.settings = settings;
        this.diary = diary;
        this.auditLog = auditLog;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Details details() {
        // the version first: a save between the two reads then refuses this page rather than undoing that save
        long version = settings.version();
        return new Details(settings.stored(), settings.current(), settings.defaults(), version);
    }

    /** Refused ({@link ChangedMeanwhile}) when someone saved since the form was loaded, whatever its fields say. */
    public void save(PracticeDetailsForm form) {
        if (form.version() != settings.version()) {
            throw new ChangedMeanwhile(settings.updatedAt());
        }
        Map<Field, String> problems = new EnumMap<>(Field.class);
        String name = text(form.name(), PracticeSettings.NAME_MAX, Field.NAME, problems);
        String address = text(form.addressLines(), PracticeSettings.ADDRESS_MAX, Field.ADDRESS, problems);
        if (address != null && address.lines().filter(l -> !l.isBlank()).count() > PracticeSettings.ADDRESS_LINES_MAX) {
            problems.put(Field.ADDRESS, "Up to " + PracticeSettings.ADDRESS_LINES_MAX + " lines, please.");
        }
        String phone = text(form.phone(), PracticeSettings.PHONE_MAX, Field.PHONE, problems);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            problems.put(Field.PHONE, "A phone number: digits, spaces, + ( ) and - only.");
        }
        String email = text(form.email(), PracticeSettings.EMAIL_MAX, Field.EMAIL, problems);
        if (email != null && !EMAIL.matcher(email).matches()) {
            problems.put(Field.EMAIL, "This doesn't look like an email address.");
        }
        String from = text(form.mailFrom(), PracticeSettings.EMAIL_MAX, Field.MAIL_FROM, problems);
        if (from != null && !SENDER.matcher(from).matches()) {
            problems.put(Field.MAIL_FROM, "An address, or a name and an address: Thaw Therapy <hello@example.org>.");
        }
        String signature = text(form.emailSignature(), PracticeSettings.SIGNATURE_MAX, Field.SIGNATURE, problems);
        Integer notice = form.clientNoticeHours();
        if (notice != null && (notice < 0 || notice > PracticeSettings.NOTICE_HOURS_MAX)) {
            problems.put(Field.NOTICE, "Between 0 and " + PracticeSettings.NOTICE_HOURS_MAX + " hours.");
        }
        List<Integer> reminders = form.reminderHours().stream().filter(Objects::nonNull).distinct()
                .sorted((a, b) -> b - a).toList();
        if (reminders.size() > PracticeSettings.REMINDERS_MAX
                || reminders.stream().anyMatch(h -> h < 1 || h > PracticeSettings.REMINDER_HOURS_MAX)) {
            problems.put(Field.REMINDERS, "Up to " + PracticeSettings.REMINDERS_MAX + " reminders, each 1 to "
                    + PracticeSettings.REMINDER_HOURS_MAX + " hours before the session.");
        }
        if (!problems.isEmpty()) {
            throw new PracticeDetailsRefused(problems);
        }
        var stored = new PracticeSettings.Stored(name, address, phone, email, from, signature, notice,
                reminders.isEmpty() ? null : reminders.stream().map(String::valueOf).collect(Collectors.joining(",")));
        List<String> changed = changes(settings.stored(), stored);
        if (changed.isEmpty()) {
            return;
        }
        if (!settings.store(stored, form.version(), currentUser.require().id(), clock.instant())) {
            throw new ChangedMeanwhile(settings.updatedAt());
        }
        auditLog.record(AuditAction.SETTINGS_CHANGED, null, null, "Practice details: " + String.join(", ", changed));
    }

    @Transactional(readOnly = true)
    public List<DiarySetupService.TypeView> sessionTypes() {
        return diary.allTypes();
    }

    /** A new kind of session (audited by the diary). */
    public DiarySetupService.TypeView addSessionType(String label, int minutes, boolean couples, boolean treatment) {
        return diary.addType(label, minutes, couples, treatment);
    }

    /** Refused ({@link ChangedMeanwhile}) when the kind of session changed since the page showed {@code version}. */
    public DiarySetupService.TypeView changeSessionType(SessionTypeId typeId, String label, int minutes,
                                                        boolean treatment, boolean active, long version) {
        return diary.changeType(typeId, label, minutes, treatment, active, version);
    }

    private static @Nullable String text(@Nullable String value, int max, Field field, Map<Field, String> problems) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (!StorableText.isStorable(text)) {
            problems.put(field, StorableText.REFUSAL);
        } else if (text.length() > max) {
            problems.put(field, "Up to " + max + " characters, please.");
        }
        return text;
    }

    private static List<String> changes(PracticeSettings.Stored before, PracticeSettings.Stored after) {
        List<String> changed = new ArrayList<>();
        String[] names = {"name", "address", "phone", "email", "sender", "signature", "notice period",
            "reminder times"};
        Object[] was = {before.name(), before.addressLines(), before.phone(), before.email(), before.mailFrom(),
            before.emailSignature(), before.clientNoticeHours(), before.reminderHours()};
        Object[] now = {after.name(), after.addressLines(), after.phone(), after.email(), after.mailFrom(),
            after.emailSignature(), after.clientNoticeHours(), after.reminderHours()};
        for (int i = 0; i < names.length; i++) {
            if (!Objects.equals(was[i], now[i])) {
                changed.add(names[i] + (i >= 6 ? " " + Objects.toString(was[i], "default") + " → "
                        + Objects.toString(now[i], "default") : ""));
            }
        }
        return changed;
    }

    static List<Integer> hours(@Nullable String stored) {
        return stored == null ? List.of() : Arrays.stream(stored.split(",")).map(Integer::valueOf).toList();
    }
}
