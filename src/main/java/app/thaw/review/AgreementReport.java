package app.thaw.review;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import app.thaw.review.factors.FactorRuleSet;

/** Counts, per tag, suggestions and the latest decision on each: how often the rules were right. */
@Component
class AgreementReport {

    private final JdbcTemplate jdbc;
    private final FactorRuleSet rules;

    AgreementReport(JdbcTemplate jdbc, FactorRuleSet rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    List<TagAgreement> perTag() {
        record Counts(String tag, long suggested, long confirmed, long rejected, long added) {
        }
        Map<String, Counts> counts = jdbc.query("""
                with latest as (
                    select distinct on (intake_id, tag_id) intake_id, tag_id, decision
                      from factor_decision
                     order by intake_id, tag_id, decided_at desc, id desc)
                select coalesce(s.tag_id, l.tag_id) as tag,
                       count(s.id) as suggested,
                       count(*) filter (where s.id is not null and l.decision = 'CONFIRMED') as confirmed,
                       count(*) filter (where s.id is not null and l.decision = 'REJECTED') as rejected,
                       count(*) filter (where s.id is null and l.decision = 'ADDED') as added
                  from factor_suggestion s
                  full join latest l on l.intake_id = s.intake_id and l.tag_id = s.tag_id
                 group by coalesce(s.tag_id, l.tag_id)""",
                (rs, row) -> new Counts(rs.getString("tag"), rs.getLong("suggested"), rs.getLong("confirmed"),
                        rs.getLong("rejected"), rs.getLong("added")))
                .stream().collect(Collectors.toMap(Counts::tag, Function.identity()));
        return rules.tags().stream().map(tag -> {
            Counts c = counts.getOrDefault(tag.id(), new Counts(tag.id(), 0, 0, 0, 0));
            return new TagAgreement(tag.id(), tag.label(), c.suggested(), c.confirmed(), c.rejected(), c.added());
        }).toList();
    }
}
