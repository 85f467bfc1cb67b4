package app.thaw.intake;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import app.thaw.base.domain.StorableText;
import app.thaw.caseaccess.CaseDirectory;
import app.thaw.caseaccess.CaseFacts;
import app.thaw.intake.domain.Intake;

/**
 * The facts the case-access policy needs about submitted intakes, read in one query with the couple's other
 * partner: nothing clinical beyond whether the answers raised an urgent risk or a fear of the partner.
 */
@Component
class IntakeCaseDirectory implements CaseDirectory {

    private static final String PARTNER_FEAR = "[{\"ruleId\": \"partner_fear\"}]";

    private static final String FACTS = """
            select i.id, i.reference, i.couple_case_id, i.urgent, i.status = 'CLOSED' as closed,
                   array(select p.id from intake p where p.couple_case_id = i.couple_case_id and p.id <> i.id
                          order by p.submitted_at) as partners,
                   array(select p.reference from intake p where p.couple_case_id = i.couple_case_id and p.id <> i.id
                          order by p.submitted_at) as partner_references,
                   coalesce((select bool_or(m.risk_flags @> cast(? as jsonb)) from intake m
                              where m.couple_case_id = i.couple_case_id), i.risk_flags @> cast(? as jsonb)) as fear
              from intake i
            """;

    private final JdbcTemplate jdbc;

    IntakeCaseDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CaseFacts> byReference(String reference) {
        // a typed or forged reference (a NUL, a megabyte) must find nothing, not fail in the database
        String wanted = reference == null ? "" : reference.strip().toUpperCase(Locale.ROOT);
        if (wanted.isEmpty() || wanted.length() > Intake.REFERENCE_MAX || !StorableText.isStorable(wanted)) {
            return Optional.empty();
        }
        return jdbc.query(FACTS + " where i.reference = ?", (rs, row) -> facts(rs), PARTNER_FEAR, PARTNER_FEAR, wanted)
                .stream().findFirst();
    }

    @Override
    public Optional<CaseFacts> byId(long intakeId) {
        return jdbc.query(FACTS + " where i.id = ?", (rs, row) -> facts(rs), PARTNER_FEAR, PARTNER_FEAR, intakeId)
                .stream().findFirst();
    }

    @Override
    public Map<Long, CaseFacts> byIds(Collection<Long> intakeIds) {
        if (intakeIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, CaseFacts> found = new HashMap<>();
        jdbc.query(FACTS + " where i.id = any(?)", rs -> {
            CaseFacts facts = facts(rs);
            found.put(facts.intakeId(), facts);
        }, PARTNER_FEAR, PARTNER_FEAR, intakeIds.toArray(Long[]::new));
        return found;
    }

    private static CaseFacts facts(java.sql.ResultSet rs) throws java.sql.SQLException {
        long couple = rs.getLong("couple_case_id");
        Long coupleCaseId = rs.wasNull() ? null : couple;
        List<CaseFacts.Partner> partners = new ArrayList<>();
        Object[] ids = (Object[]) rs.getArray("partners").getArray();
        Object[] references = (Object[]) rs.getArray("partner_references").getArray();
        for (int i = 0; i < ids.length; i++) {
            partners.add(new CaseFacts.Partner(((Number) ids[i]).longValue(), (String) references[i]));
        }
        return new CaseFacts(rs.getLong("id"), rs.getString("reference"), coupleCaseId, partners,
                rs.getBoolean("urgent"), rs.getBoolean("fear"), rs.getBoolean("closed"));
    }
}
