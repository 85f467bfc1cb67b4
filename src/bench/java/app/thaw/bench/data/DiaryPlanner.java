package app.thaw.bench.data;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Lays out sessions in therapists' diaries without ever double-booking a therapist or a room (the database's
 * exclusion constraints check it again on load). Sessions start on the hour inside working hours; a couples session
 * (80 minutes) takes two hours. The past is nearly full, the future thins out over the year ahead, and one therapist's
 * next weeks are booked solid (the free-slot finder's worst case). Cancelled sessions may share a slot with the
 * session that replaced them, as in a real diary. Pure code: {@link #plan} calls the sink once per session.
 */
public final class DiaryPlanner {

    /** A therapist's usual week: the same hours on each working day, and dates on holiday. */
    public record Therapist(long id, Set<DayOfWeek> days, int startHour, int endHour, Set<LocalDate> holidays) {
    }

    /**
     * Whose session it is: a client, and their partner for couples work; {@code known} is when the practice had both
     * intakes, so no session of theirs was booked before.
     */
    public record Client(long intakeId, @Nullable Long partnerIntakeId, Instant known) {
    }

    /** Picks the client a therapist sees at a time: someone in their caseload then, or nobody (the hour stays free). */
    public interface Caseload {
        @Nullable Client pick(int therapistIndex, Instant at, Random random);
    }

    public record Session(long intakeId, @Nullable Long partnerIntakeId, long therapistId, @Nullable Long roomId,
                          Kind kind, Instant starts, Instant ends, State state, Instant createdAt,
                          @Nullable Instant cancelledAt, @Nullable Boolean cancelledByClient) {
    }

    public enum Kind { ASSESSMENT, INDIVIDUAL, COUPLES }

    public enum State { BOOKED, ATTENDED, NO_SHOW, CANCELLED }

    public record Settings(ZoneId zone, LocalDate firstDay, LocalDate lastDay, Instant now, long target,
                           List<Long> roomIds, int fullDiaryTherapist, int fullDiaryDays, long seed) {
    }

    static final double CANCELLED_SHARE = 0.08;
    static final double COUPLES_SHARE = 0.2;
    static final double IN_PERSON_SHARE = 0.35;

    private final Settings settings;
    private final List<Therapist> therapists;
    private final Caseload caseload;

    public DiaryPlanner(Settings settings, List<Therapist> therapists, Caseload caseload) {
        this.settings = settings;
        this.therapists = therapists;
        this.caseload = caseload;
    }

    /**
     * Refuses, before anything is loaded, a target the working hours cannot hold even with every hour taken (every
     * client counted as partnered, so couples sessions take their full share of two-hour slots: the fewest sessions):
     * the message names the therapists it would need.
     */
    public static void checkCapacity(Settings settings, List<Therapist> therapists) {
        var anyone = new Client(1, 2L, Instant.EPOCH);
        long most = new DiaryPlanner(settings, therapists, (t, at, random) -> anyone).run(1, null);
        if (most < settings.target() * 0.98) {
            long needed = (long) Math.ceil(therapists.size() * settings.target() / (most * 0.95));
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "Working hours cannot hold %,d "
                    + "sessions: %,d therapists hold at most %,d; give --therapists=%d or lower --appointments",
                    settings.target(), therapists.size(), most, needed));
        }
    }

    /** Lays out about {@code target} sessions; returns how many went to the sink. */
    public long plan(Consumer<Session> sink) {
        double fill = calibrate();
        return run(fill, sink);
    }

    /** Finds the fill rate that yields the target, by counting dry runs (no rows written). */
    private double calibrate() {
        double fill = 0.5;
        for (int i = 0; i < 4; i++) {
            long count = run(fill, null);
            if (count == 0) {
                return 1;
            }
            fill = Math.min(1, fill * settings.target() / count);
        }
        if (fill >= 1 && run(1, null) < settings.target() * 0.98) {
            throw new IllegalArgumentException("Working hours cannot hold " + settings.target() + " sessions: add "
                    + "therapists or lower --appointments");
        }
        return fill;
    }

    private long run(double fill, @Nullable Consumer<Session> sink) {
        var random = new Random(settings.seed());
        int days = (int) ChronoUnit.DAYS.between(settings.firstDay(), settings.lastDay());
        int words = (settings.roomIds().size() + 63) / 64;
        long[] roomsTaken = new long[days * 24 * words];
        LocalDate today = LocalDate.ofInstant(settings.now(), settings.zone());
        long count = 0;
        for (int d = 0; d < days; d++) {
            LocalDate day = settings.firstDay().plusDays(d);
            long ahead = ChronoUnit.DAYS.between(today, day);
            double density = ahead < 0 ? 1 : Math.max(0.12, 1 - 0.88 * ahead / 365.0);
            for (int t = 0; t < therapists.size(); t++) {
                Therapist therapist = therapists.get(t);
                if (!therapist.days().contains(day.getDayOfWeek()) || therapist.holidays().contains(day)) {
                    continue;
                }
                boolean solid = t == settings.fullDiaryTherapist() && ahead >= 0 && ahead < settings.fullDiaryDays();
                double chance = solid ? 1 : Math.min(0.97, fill * density);
                for (int hour = therapist.startHour(); hour < therapist.endHour(); hour++) {
                    if (random.nextDouble() >= chance) {
                        continue;
                    }
                    Instant starts = day.atTime(LocalTime.of(hour, 0)).atZone(settings.zone()).toInstant();
                    if (solid && starts.isBefore(settings.now())) {
                        continue;
                    }
                    boolean couplesSlot = hour + 2 <= therapist.endHour() && random.nextDouble() < COUPLES_SHARE;
                    Client client = caseload.pick(t, starts, random);
                    if (client == null) {
                        continue;
                    }
                    Kind kind = couplesSlot && client.partnerIntakeId() != null ? Kind.COUPLES
                            : random.nextInt(12) == 0 ? Kind.ASSESSMENT : Kind.INDIVIDUAL;
                    int hours = kind == Kind.COUPLES ? 2 : 1;
                    Long room = random.nextDouble() < IN_PERSON_SHARE ? freeRoom(roomsTaken, words, d, hour, hours, random)
                            : null;
                    count++;
                    if (random.nextDouble() < CANCELLED_SHARE) {
                        Client gone = caseload.pick(t, starts, random);
                        if (gone != null) {
                            count++;
                            if (sink != null) {
                                sink.accept(cancelled(therapist, gone, starts, random));
                            }
                        }
                    }
                    if (sink != null) {
                        sink.accept(session(therapist, client, kind, room, starts, random));
                    }
                    hour += hours - 1;
                }
            }
        }
        return count;
    }

    /** One bit a room for each hour of each day: {@code words} longs an hour. */
    private @Nullable Long freeRoom(long[] taken, int words, int day, int hour, int hours, Random random) {
        List<Long> rooms = settings.roomIds();
        if (rooms.isEmpty()) {
            return null;
        }
        int offset = random.nextInt(rooms.size());
        for (int i = 0; i < rooms.size(); i++) {
            int room = (offset + i) % rooms.size();
            long bit = 1L << (room & 63);
            boolean free = true;
            for (int h = hour; h < hour + hours; h++) {
                free &= (taken[(day * 24 + h) * words + room / 64] & bit) == 0;
            }
            if (free) {
                for (int h = hour; h < hour + hours; h++) {
                    taken[(day * 24 + h) * words + room / 64] |= bit;
                }
                return rooms.get(room);
            }
        }
        return null;
    }

    private Session session(Therapist therapist, Client client, Kind kind, @Nullable Long room, Instant starts,
                            Random random) {
        Instant ends = starts.plus(minutes(kind));
        State state = ends.isAfter(settings.now()) ? State.BOOKED : random.nextInt(14) == 0 ? State.NO_SHOW : State.ATTENDED;
        return new Session(client.intakeId(), kind == Kind.COUPLES ? client.partnerIntakeId() : null, therapist.id(), room,
                kind, starts, ends, state, createdBefore(starts, client, random), null, null);
    }

    /** A session called off earlier; its slot was given to someone else. Always online, so it holds no room. */
    private Session cancelled(Therapist therapist, Client client, Instant starts, Random random) {
        Instant created = createdBefore(starts, client, random);
        Instant cancelled = created.plus(Duration.between(created, min(starts, settings.now())).dividedBy(2));
        return new Session(client.intakeId(), null, therapist.id(), null, Kind.INDIVIDUAL, starts,
                starts.plus(minutes(Kind.INDIVIDUAL)), State.CANCELLED, created, cancelled, random.nextBoolean());
    }

    /** Booked up to a month ahead, never before the practice had the client's intake. */
    private Instant createdBefore(Instant starts, Client client, Random random) {
        Instant created = min(starts, settings.now()).minus(Duration.ofMinutes(60 + random.nextInt(30 * 24 * 60)));
        return created.isBefore(client.known()) ? client.known() : created;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    public static Duration minutes(Kind kind) {
        return Duration.ofMinutes(switch (kind) {
            case ASSESSMENT -> 60;
            case INDIVIDUAL -> 50;
            case COUPLES -> 80;
        });
    }
}
