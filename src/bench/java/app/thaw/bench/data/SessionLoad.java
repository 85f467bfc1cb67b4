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

/**
 * The diary: sessions planned so no therapist or room is ever double-booked (by construction, the exclusion
 * constraints then only confirm it), sent in chunks of 50,000 over parallel COPY connections. A resumed run plans the
 * same sessions again and sends only the chunks that are not in the database yet.
 */
final class SessionLoad {

    private static final int CHUNK = 50_000;
    private static final List<String> CANCEL_REASONS = List.of("Client unwell", "Therapist unwell",
            "Client's work shift changed", "Childcare fell through", "Rearranged at the client's request");

    private SessionLoad() {
    }

    /** Returns the sessions planned. */
    static long load(BenchContext bench, List<Long> roomIds, List<DiaryPlanner.Therapist> diaries, Caseload caseload,
                     LocalDate firstDay, LocalDate lastDay, Instant now, long appointments, long seed, int workers,
                     boolean sharedCiphertexts, boolean triggersOff, MeasurePool measures, Consumer<Long> progress)
            throws Exception {
        JdbcTemplate jdbc = bench.jdbc();
        Map<String, Long> types = new LinkedHashMap<>();
        jdbc.query("select code, id from appointment_type", rs -> {
            types.put(rs.getString(1), rs.getLong(2));
        });
        var planner = new DiaryPlanner(settings(roomIds, firstDay, lastDay, now, appointments, seed), diaries, caseload);
        var copy = new ParallelCopy(bench, workers, triggersOff);
        long[] nextId = {1};
        long[] nextMeasure = {1};
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
            long id = nextId[0]++;
            row(current[0].appointments, id, session, types, sharedCiphertexts);
            if (session.state() == DiaryPlanner.State.ATTENDED) {
                measured(current[0], measures, caseload, id, session.intakeId(), session, nextMeasure);
                if (session.partnerIntakeId() != null) {
                    measured(current[0], measures, caseload, id, session.partnerIntakeId(), session, nextMeasure);
                }
            }
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
     * The measures one client answered for an attended session: asked the day before, answered that morning (the
     * request and its answer carry the same time, which their key pairs). Ids follow the plan, so a resumed run
     * makes the same ones.
     */
    private static void measured(Chunk chunk, MeasurePool measures, Caseload caseload, long appointmentId,
                                 long intakeId, DiaryPlanner.Session session, long[] nextId) {
        long id = nextId[0]++;
        var set = measures.answeredBefore(intakeId, appointmentId, session.partnerIntakeId() != null,
                caseload.daysInCare(intakeId, session.starts()));
        Instant asked = session.starts().minus(java.time.Duration.ofDays(1));
        Instant answered = session.starts().minus(java.time.Duration.ofHours(5));
        chunk.measureRequests.add(id).add(intakeId).add(appointmentId).add(set.measures()).add(session.starts())
                .add(asked).add(session.ends()).add(asked).add(answered).endRow();
        chunk.measureResponses.add(id).add(intakeId).add(id).add("CLIENT").add(answered).add(set.versions())
                .add(set.answersJson()).add(set.phq9()).add(set.gad7()).add(set.csi4()).add(set.feelings()).add(false)
                .endRow();
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
