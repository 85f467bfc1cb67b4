package app.thaw.bench.data;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.Application;
import app.thaw.bench.BenchContext;
import app.thaw.care.CareEventKind;
import app.thaw.intake.IntakeStatus;

/**
 * The diary: sessions planned so no therapist or room is ever double-booked (by construction, the exclusion
 * constraints then only confirm it), with the measures answered before the attended ones, sent in chunks of 50,000
 * over parallel COPY connections; then the courses of therapy those sessions make. A resumed run plans the same
 * sessions again and sends only the chunks that are not in the database yet.
 */
final class SessionLoad {

    private static final int CHUNK = 50_000;
    /** A session's measures are asked a day before it (MeasureLinks' default lead). */
    private static final int ASKED_BEFORE_MINUTES = 24 * 60;
    private static final List<String> CANCEL_REASONS = List.of("Client unwell", "Therapist unwell",
            "Client's work shift changed", "Childcare fell through", "Rearranged at the client's request");

    private SessionLoad() {
    }

    /** Returns the sessions planned. */
    static long load(BenchContext bench, List<Long> roomIds, List<DiaryPlanner.Therapist> diaries, Caseload caseload,
                     Courses courses, LocalDate firstDay, LocalDate lastDay, Instant now, long appointments, long seed,
                     int workers, boolean sharedCiphertexts, boolean triggersOff, MeasurePool measures,
                     long responseIdsAfter, Consumer<Long> progress)
            throws Exception {
        JdbcTemplate jdbc = bench.jdbc();
        Map<String, Long> types = new LinkedHashMap<>();
        Map<String, Boolean> treatment = new LinkedHashMap<>();
        jdbc.query("select code, id, treatment from appointment_type", rs -> {
            types.put(rs.getString(1), rs.getLong(2));
            treatment.put(rs.getString(1), rs.getBoolean(3));
        });
        var writer = new Writer(types, treatment, sharedCiphertexts, measures, caseload, courses, responseIdsAfter);
        var planner = new DiaryPlanner(settings(roomIds, firstDay, lastDay, now, appointments, seed), diaries, caseload);
        var copy = new ParallelCopy(bench, workers, triggersOff);
        long[] nextId = {1};
        long[] chunkFirst = {1};
        Chunk[] current = {new Chunk()};
        Runnable send = () -> {
            if (!GenerateRun.loaded(jdbc, "appointment", chunkFirst[0])) {
                copy.send(current[0], () -> { });
            }
            current[0] = new Chunk();
            chunkFirst[0] = nextId[0];
        };
        long planned = planner.plan(session -> {
            writer.write(current[0], nextId[0]++, session);
            if (current[0].appointmentRows() >= CHUNK) {
                send.run();
                progress.accept(nextId[0] - 1);
            }
        });
        if (current[0].appointmentRows() > 0) {
            send.run();
        }
        copy.finish();
        System.out.println("  sessions loaded: " + copy.report());
        return planned;
    }

    /**
     * The courses of therapy ({@link Courses}) once the whole diary is planned, in chunks of 50,000 over parallel COPY
     * connections, numbered by intake, with each closed case's last events (therapy ended, case closed); a resumed
     * run sends only the chunks not in the database. Then the status each case's events fold to, where the diary
     * changed it ({@link Courses#status}), in one statement a status. Returns the courses.
     */
    static long loadEpisodes(BenchContext bench, Courses courses, int workers, boolean triggersOff) throws Exception {
        JdbcTemplate jdbc = bench.jdbc();
        var copy = new ParallelCopy(bench, workers, triggersOff);
        long[] nextId = {1};
        long[] chunkFirst = {1};
        Chunk[] current = {new Chunk()};
        Runnable send = () -> {
            if (!GenerateRun.loaded(jdbc, "outcome_episode", chunkFirst[0])) {
                copy.send(current[0], () -> { });
            }
            current[0] = new Chunk();
            chunkFirst[0] = nextId[0];
        };
        long episodes = 0;
        Map<IntakeStatus, List<Long>> changed = new java.util.EnumMap<>(IntakeStatus.class);
        for (int id = 1; id <= courses.intakes(); id++) {
            Courses.Episode e = courses.episode(id);
            if (e != null) {
                episodeRow(current[0].episodes, nextId[0]++, e);
                episodes++;
            }
            courses.closing(id, current[0].careEvents);
            if (courses.statusChanged(id)) {
                changed.computeIfAbsent(courses.status(id), s -> new java.util.ArrayList<>()).add((long) id);
            }
            if (current[0].episodes.rows() >= CHUNK) {
                send.run();
            }
        }
        if (current[0].episodes.rows() > 0 || current[0].careEvents.rows() > 0) {
            send.run();
        }
        copy.finish();
        System.out.println("  outcome episodes and closings loaded: " + copy.report());
        changed.forEach((status, ids) -> System.out.println("  status from the events, " + status + ": "
                + jdbc.update(con -> {
                    var update = con.prepareStatement("update intake set status = ? where id = any(?) and status <> ?");
                    update.setString(1, status.name());
                    update.setArray(2, con.createArrayOf("bigint", ids.toArray()));
                    update.setString(3, status.name());
                    return update;
                })));
        return episodes;
    }

    /** The diary's shape: the first therapist's next five weeks booked solid. */
    static DiaryPlanner.Settings settings(List<Long> roomIds, LocalDate firstDay, LocalDate lastDay, Instant now,
                                          long appointments, long seed) {
        return new DiaryPlanner.Settings(Application.PRACTICE_ZONE, firstDay, lastDay, now, appointments, roomIds, 0,
                35, seed);
    }

    /**
     * The diary's claims (V90) for sessions loaded with triggers off, one statement per share of the therapists over
     * {@code workers} connections: the exclusion constraints check every one of them, so no therapist or room is
     * double-booked (shares of different therapists can only clash on a room, which the constraint still catches).
     * Returns the claims written.
     */
    static int claimDiary(JdbcTemplate jdbc, int workers) {
        int shares = Math.max(1, workers);
        List<Integer> share = java.util.stream.IntStream.range(0, shares).boxed().toList();
        return Parallel.map(shares, share, k -> jdbc.update("""
                insert into diary_claim (therapist_id, room_id, during, appointment_id)
                select a.therapist_id, a.room_id, tstzrange(a.starts_at, a.ends_at), a.id
                  from appointment a
                 where a.state <> 'CANCELLED' and a.therapist_id % ? = ?
                   and not exists (select 1 from diary_claim d where d.appointment_id = a.id)""", shares, k),
                "Claiming the diary").stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * What one planned session writes: its row and, when attended, for each of its clients the measures answered that
     * morning and the session's place in their course of therapy ({@link Courses}). Sessions come in time order.
     */
    static final class Writer {
        private final Map<String, Long> types;
        private final Map<String, Boolean> treatment;
        private final boolean sharedCiphertexts;
        private final MeasurePool measures;
        private final Caseload caseload;
        private final Courses courses;
        private final long responseIdsAfter;
        private long nextMeasure = 1;

        /** {@code responseIdsAfter}: the answered sets' ids follow the intakes' own (which take the intake's id). */
        Writer(Map<String, Long> types, Map<String, Boolean> treatment, boolean sharedCiphertexts, MeasurePool measures,
               Caseload caseload, Courses courses, long responseIdsAfter) {
            this.types = types;
            this.treatment = treatment;
            this.sharedCiphertexts = sharedCiphertexts;
            this.measures = measures;
            this.caseload = caseload;
            this.courses = courses;
            this.responseIdsAfter = responseIdsAfter;
        }

        void write(Chunk chunk, long id, DiaryPlanner.Session session) {
            row(chunk.appointments, id, session, types, sharedCiphertexts);
            boolean counts = treatment.getOrDefault(session.kind().name(), true);
            events(chunk.careEvents, id, session.intakeId(), session, counts);
            if (session.partnerIntakeId() != null) {
                events(chunk.careEvents, id, session.partnerIntakeId(), session, counts);
            }
            if (session.state() == DiaryPlanner.State.BOOKED) {
                courses.booked(session.intakeId());
                if (session.partnerIntakeId() != null) {
                    courses.booked(session.partnerIntakeId());
                }
            }
            if (session.state() == DiaryPlanner.State.ATTENDED) {
                attended(chunk, id, session.intakeId(), session, counts);
                if (session.partnerIntakeId() != null) {
                    attended(chunk, id, session.partnerIntakeId(), session, counts);
                }
            }
        }

        /**
         * One client's events of the session (DiaryCare, for each client of a joint session): booked when it was
         * made, then cancelled when it was called off, or attended / not attended for its start, marked as it ended.
         * The therapist it was booked with did each (the diary's staff in the app; bench data has its therapists).
         */
        private static void events(CopyBuffer rows, long appointmentId, long intakeId, DiaryPlanner.Session session,
                                   boolean treatment) {
            Long therapist = session.therapistId();
            CareHistory.session(rows, intakeId, CareEventKind.SESSION_BOOKED, session.createdAt(), session.createdAt(),
                    therapist, appointmentId, treatment);
            switch (session.state()) {
                case BOOKED -> { }
                case CANCELLED -> CareHistory.session(rows, intakeId, CareEventKind.SESSION_CANCELLED,
                        session.cancelledAt(), session.cancelledAt(), therapist, appointmentId, treatment);
                case ATTENDED -> CareHistory.session(rows, intakeId, CareEventKind.SESSION_ATTENDED, session.starts(),
                        session.ends(), therapist, appointmentId, treatment);
                case NO_SHOW -> CareHistory.session(rows, intakeId, CareEventKind.SESSION_MISSED, session.starts(),
                        session.ends(), therapist, appointmentId, treatment);
            }
        }

        /**
         * The measures one client answered for an attended session: asked the day before, answered that morning (the
         * request and its answer carry the same time, which their key pairs); nothing the intake measured while no
         * attended session was on record when it was asked. Ids follow the plan, so a resumed run makes the same ones.
         */
        private void attended(Chunk chunk, long appointmentId, long intakeId, DiaryPlanner.Session session,
                              boolean treatmentSession) {
            int minute = caseload.minute(session.starts());
            var set = measures.answeredBefore(intakeId, appointmentId, session.partnerIntakeId() != null,
                    caseload.intakePhq9(intakeId), caseload.daysInCare(intakeId, session.starts()),
                    !courses.startedBefore(intakeId, minute - ASKED_BEFORE_MINUTES));
            if (set != null) {
                long id = nextMeasure++;
                Instant asked = session.starts().minus(java.time.Duration.ofMinutes(ASKED_BEFORE_MINUTES));
                Instant answered = session.starts().minus(java.time.Duration.ofHours(5));
                chunk.measureRequests.add(id).add(intakeId).add(appointmentId).add(set.measures())
                        .add(session.starts()).add(asked).add(session.ends()).add(asked).add(answered).endRow();
                chunk.measureResponses.add(responseIdsAfter + id).add(intakeId).add(id).add("CLIENT").add(answered)
                        .add(set.versions()).add(set.answersJson()).add(set.phq9()).add(set.gad7()).add(set.csi4())
                        .add(set.feelings()).add(false).endRow();
                if (set.paired()) {
                    courses.answered(intakeId, set.phq9(), set.gad7());
                }
            }
            courses.attended(intakeId, minute, treatmentSession);
        }
    }

    static void episodeRow(CopyBuffer rows, long id, Courses.Episode e) {
        rows.add(id).add(e.intakeId()).add(e.serviceType()).add(e.therapistId()).add(e.referredAt()).add(e.startedAt())
                .add(e.endedAt()).add(e.outcome() == null ? null : e.outcome().name()).add(e.finished())
                .add(e.firstPhq9()).add(e.firstGad7()).add(e.lastPhq9()).add(e.lastGad7()).add(e.pairedSets()).endRow();
    }

    private static void row(CopyBuffer rows, long id, DiaryPlanner.Session s, Map<String, Long> types, boolean shared) {
        boolean cancelled = s.state() == DiaryPlanner.State.CANCELLED;
        String reason = CANCEL_REASONS.get((int) (id % CANCEL_REASONS.size()));
        rows.add(id).add(s.intakeId()).add(s.partnerIntakeId()).add(s.therapistId()).add(s.roomId())
                .add(types.get(s.kind().name())).add(s.roomId() == null ? "ONLINE" : "IN_PERSON")
                .add(s.starts()).add(s.ends()).add(s.state().name())
                .add(cancelled ? s.cancelledByClient() : null)
                .add(cancelled ? shared ? FreeText.storeShared(reason, "appointment.cancel_reason")
                        : FreeText.store(reason, "appointment.cancel_reason") : null)
                .add(cancelled && !s.cancelledByClient() ? s.therapistId() : null)
                .add(s.cancelledAt()).add(s.createdAt()).add(s.therapistId()).endRow();
    }
}
