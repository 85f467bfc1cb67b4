package app.thaw.review;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import app.thaw.Application;
import app.thaw.intake.IntakeStatus;
import app.thaw.intake.RequestedType;

/**
 * The queue as one indexed SQL read of intake (with the queue's copy of the review case's assignee, V15): a join
 * beats a call per row at a million intakes. Pages follow a keyset (the last row's sort values), so page 1,000 costs what page 1 does.
 */
@Component
class ReviewQueueQuery {

    private final JdbcTemplate jdbc;

    ReviewQueueQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A sort key: its expression inside a branch (over intake i) and over the merged branches (q). */
    private record Key(String column, String merged, boolean descending) {
    }

    /**
     * A therapist sees unassigned cases and their own. Each set is its own index range (V15: the queue's copy of
     * the assignee on the intake row), so both are read in order and merged; one "null or mine" filter instead
     * would walk every colleague's case.
     */
    List<QueueRow> page(QueueFilter filter, QueueSort sort, @Nullable QueueRow after, int limit,
                        @Nullable Long therapistId) {
        QueueSearch search = QueueSearch.of(filter.search());
        List<Key> keys = keys(sort, search.byTerms());
        List<Object> args = new ArrayList<>();
        List<Assignee> visible = visibility(filter.assignment(), therapistId);
        String sql;
        if (visible.size() == 1) {
            sql = branch(visible.getFirst(), filter, search, sort, after, limit, keys, args);
        } else {
            var branches = new ArrayList<String>();
            for (Assignee condition : visible) {
                branches.add("(" + branch(condition, filter, search, sort, after, limit, keys, args) + ")");
            }
            sql = "select * from (" + String.join(" union all ", branches) + ") q order by "
                    + orderBy(keys, Key::merged) + " limit ?";
            args.add(limit);
        }
        return jdbc.query(sql, (rs, row) -> {
            long assignee = rs.getLong("queue_assignee_id");
            return new QueueRow(rs.getLong("id"), rs.getString("reference"), rs.getString("full_name"),
                    RequestedType.valueOf(rs.getString("requested_type")),
                    IntakeStatus.valueOf(rs.getString("status")), rs.getBoolean("urgent"),
                    rs.getInt("queue_rank") == 1, rs.getTimestamp("submitted_at").toInstant(), rs.wasNull() || assignee == 0 ? null : assignee,
                    rs.getString("display_name"));
        }, args.toArray());
    }

    /** Rows with one assignee (null: the unassigned), or with any when {@code any}. */
    private record Assignee(boolean any, @Nullable Long id) {
    }

    /** The assignee sets whose rows make up the page, each read on its own. */
    private static List<Assignee> visibility(QueueFilter.Assignment assignment, @Nullable Long therapistId) {
        var unassigned = new Assignee(false, null);
        var mine = new Assignee(false, therapistId == null ? -1L : therapistId);
        return switch (assignment) {
            case UNASSIGNED -> List.of(unassigned);
            case ME -> List.of(mine);
            case ANYONE -> therapistId == null ? List.of(new Assignee(true, null)) : List.of(unassigned, mine);
        };
    }

    private static String branch(Assignee visible, QueueFilter filter, QueueSearch search, QueueSort sort,
                                 @Nullable QueueRow after, int limit, List<Key> keys, List<Object> args) {
        var sql = new StringBuilder("""
                select i.id, i.reference, i.full_name, i.requested_type, i.status, i.urgent, i.queue_rank,
                       i.submitted_at, i.queue_assignee_id, s.display_name
                """);
        if (search.byTerms()) {
            // one index range of the search terms (V160) per visibility set, in the queue's order, up to the LIMIT
            sql.append("""
                      from intake_search t
                      join intake i on i.id = t.intake_id
                      left join staff_account s on s.id = i.queue_assignee_id
                     where\s""").append(search.leadingTermCondition(args));
            if (!visible.any()) {
                sql.append(" and t.assignee_key = ?");
                args.add(visible.id() == null ? 0L : visible.id());
            }
            if (!filter.statuses().isEmpty() && QueueFilter.IN_HAND.containsAll(filter.statuses())) {
                sql.append(" and t.in_hand");
            }
            search.appendOtherWords(sql, args);
        } else {
            sql.append("""
                      from intake i
                      left join staff_account s on s.id = i.queue_assignee_id
                     where\s""");
            if (visible.any()) {
                sql.append("true");
            } else if (visible.id() == null) {
                sql.append("i.queue_assignee_id is null");
            } else {
                sql.append("i.queue_assignee_id = ?");
                args.add(visible.id());
            }
            if (search.reference() != null) {
                sql.append(" and i.reference = ?");
                args.add(search.reference());
            }
        }
        appendFilters(filter, search.byTerms() ? "t" : "i", sql, args);
        if (after != null && sort.field() == QueueSort.Field.URGENCY && after.rank() == 2) {
            // past the urgent cases: "routine, then after (submitted, id)". As one row comparison starting with
            // rank > 2 the planner expects no rows at all and may pick an index of the wrong set
            sql.append(" and ").append(keys.get(0).column()).append(" = 2 and (").append(keys.get(1).column())
                    .append(", ").append(keys.get(2).column()).append(") > (?, ?)");
            args.addAll(values(sort, after).subList(1, 3));
        } else if (after != null) {
            appendKeyset(keys, values(sort, after), sql, args);
        }
        sql.append(" order by ").append(orderBy(keys, Key::column)).append(" limit ?");
        args.add(limit);
        return sql.toString();
    }

    private static String orderBy(List<Key> keys, Function<Key, String> column) {
        return String.join(", ", keys.stream().map(k -> column.apply(k) + (k.descending() ? " desc" : "")).toList());
    }

    /** The filters; {@code keys} names the table holding the rank and date ({@code t} when reading search terms). */
    private static void appendFilters(QueueFilter filter, String keys, StringBuilder sql, List<Object> args) {
        if (!filter.statuses().isEmpty()) {
            // enum names as literals, in a fixed order: the planner can then match the open-cases partial index
            // (V14) even in a generic plan; they never come from what a user typed
            sql.append(" and i.status in (").append(String.join(", ", filter.statuses().stream().sorted()
                    .map(status -> "'" + status.name() + "'").toList())).append(')');
        }
        // the rank says urgency (0 and 1 urgent, 2 routine), and it is in the search terms' index
        switch (filter.urgency()) {
            case URGENT -> sql.append(keys.equals("t") ? " and t.queue_rank < 2" : " and i.urgent");
            case ROUTINE -> sql.append(keys.equals("t") ? " and t.queue_rank = 2" : " and not i.urgent");
            case ANY -> { }
        }
        if (filter.requestedType() != null) {
            sql.append(" and i.requested_type = ?");
            args.add(filter.requestedType().name());
        }
        if (filter.submittedFrom() != null) {
            sql.append(" and ").append(keys).append(".submitted_at >= ?");
            args.add(Timestamp.from(filter.submittedFrom().atStartOfDay(Application.PRACTICE_ZONE).toInstant()));
        }
        if (filter.submittedTo() != null) {
            sql.append(" and ").append(keys).append(".submitted_at < ?");
            args.add(Timestamp.from(filter.submittedTo().plusDays(1).atStartOfDay(Application.PRACTICE_ZONE)
                    .toInstant()));
        }
    }

    /** The case reference a search names exactly (THW-ABC123, any case, the dash optional), if it is one. */
    static java.util.Optional<String> exactReference(@Nullable String search) {
        return QueueSearch.exactReference(search);
    }

    private static List<Key> keys(QueueSort sort, boolean byTerms) {
        boolean desc = sort.descending();
        if (byTerms && sort.field() == QueueSort.Field.URGENCY) {
            // the search terms' index holds the same sort keys (V160)
            return List.of(new Key("t.queue_rank", "q.queue_rank", false),
                    new Key("t.submitted_at", "q.submitted_at", false), new Key("t.intake_id", "q.id", false));
        }
        return switch (sort.field()) {
            // the rank ascending puts unreviewed risk first, then reviewed urgent cases, with every key in one
            // direction, so the keyset is a single row comparison an index (V17) can start from
            case URGENCY -> List.of(new Key("i.queue_rank", "q.queue_rank", false),
                    new Key("i.submitted_at", "q.submitted_at", false), new Key("i.id", "q.id", false));
            case SUBMITTED -> List.of(new Key("i.submitted_at", "q.submitted_at", desc), new Key("i.id", "q.id", desc));
            case REFERENCE -> List.of(new Key("i.reference", "q.reference", desc), new Key("i.id", "q.id", desc));
            case NAME -> List.of(new Key("i.full_name", "q.full_name", desc), new Key("i.id", "q.id", desc));
        };
    }

    private static List<Object> values(QueueSort sort, QueueRow row) {
        Timestamp submitted = Timestamp.from(row.submittedAt());
        return switch (sort.field()) {
            case URGENCY -> List.of(row.rank(), submitted, row.intakeId());
            case SUBMITTED -> List.of(submitted, row.intakeId());
            case REFERENCE -> List.of(row.reference(), row.intakeId());
            case NAME -> List.of(row.name(), row.intakeId());
        };
    }

    /**
     * Rows strictly after the last one. With every key in one direction that is one row comparison,
     * (k1, k2) > (v1, v2), which a matching index reads from directly; otherwise
     * (k1 after v1) or (k1 = v1 and k2 after v2) or ….
     */
    private static void appendKeyset(List<Key> keys, List<Object> values, StringBuilder sql, List<Object> args) {
        boolean descending = keys.getFirst().descending();
        if (keys.stream().allMatch(key -> key.descending() == descending)) {
            sql.append(" and (").append(String.join(", ", keys.stream().map(Key::column).toList()))
                    .append(descending ? ") < (" : ") > (")
                    .append(String.join(", ", keys.stream().map(key -> "?").toList())).append(')');
            args.addAll(values);
            return;
        }
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            var parts = new StringBuilder("(");
            for (int j = 0; j < i; j++) {
                parts.append(keys.get(j).column()).append(" = ? and ");
                args.add(values.get(j));
            }
            parts.append(keys.get(i).column()).append(keys.get(i).descending() ? " < ?" : " > ?").append(')');
            args.add(values.get(i));
            alternatives.add(parts.toString());
        }
        sql.append(" and (").append(String.join(" or ", alternatives)).append(')');
    }
}
