package app.thaw.retention;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import app.thaw.base.crypto.FieldCipher;
import app.thaw.base.crypto.FieldCipherException;

/**
 * Where one client's words, address, phone number or queue search terms still stand, in every table of the
 * application's schema (Flyway's history aside), encrypted columns read as the application reads them: a table a
 * later feature adds is searched without anyone remembering to list it.
 */
final class ClientTraces {

    /** What identifies the client: a word unique to them, their address and phone, and the terms search finds them by. */
    record Needles(String word, String email, String phone, List<String> searchTerms) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;

    ClientTraces(JdbcTemplate jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /**
     * Read before the erasure: the terms the queue's own function makes of the client's name and address, less those
     * another client is found by too (a first letter finds half the practice).
     */
    Needles needles(long intakeId, String word, String phone) {
        Map<String, Object> intake = jdbc.queryForMap("select full_name, email from intake where id = ?", intakeId);
        List<String> terms = jdbc.queryForList("""
                select s.term::text from queue_search_terms(?, ?) as s(term)
                 where not exists (select 1 from intake_search other
                                    where other.term = s.term and other.intake_id <> ?)""",
                String.class, intake.get("full_name"), intake.get("email"), intakeId);
        return new Needles(word, (String) intake.get("email"), phone, terms);
    }

    /** Every leaf table of the schema (partitions included, so a partitioned parent is read once). */
    List<String> tables() {
        return jdbc.queryForList("""
                select c.relname::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = current_schema() and c.relkind = 'r' and c.relname <> 'flyway_schema_history'
                 order by c.relname""", String.class);
    }

    /** Table → what of the client it still holds; empty when the client left nothing behind. */
    Map<String, List<String>> find(Needles needles) {
        Map<String, List<String>> found = new TreeMap<>();
        String phoneDigits = needles.phone().replace(" ", "");
        for (String table : tables()) {
            var hits = new TreeSet<String>();
            String from = " from " + quote(table) + " t where ";
            if (count(from + "t::text ilike ?", "%" + needles.word() + "%") > 0) {
                hits.add("word");
            }
            if (count(from + "t::text ilike ?", "%" + needles.email() + "%") > 0) {
                hits.add("email");
            }
            if (count(from + "replace(t::text, ' ', '') like ?", "%" + phoneDigits + "%") > 0) {
                hits.add("phone");
            }
            if (!needles.searchTerms().isEmpty() && count(from + "exists (select 1 from jsonb_each_text(to_jsonb(t)) e "
                    + "where e.value = any (?::text[]))", needles.searchTerms().toArray(String[]::new)) > 0) {
                hits.add("search term");
            }
            hits.addAll(inEncryptedValues(table, needles, phoneDigits));
            if (!hits.isEmpty()) {
                found.put(table, List.copyOf(hits));
            }
        }
        return found;
    }

    private int count(String fromWhere, Object argument) {
        return jdbc.queryForObject("select count(*)" + fromWhere, Integer.class, argument);
    }

    /** Encrypted values decrypted with their column (and answer item) as the associated data, as the features do. */
    private List<String> inEncryptedValues(String table, Needles needles, String phoneDigits) {
        // a partition's values are bound to their parent table's column, as the features write them
        String root = jdbc.queryForObject("select coalesce(pg_partition_root(?::regclass), ?::regclass)::text",
                String.class, quote(table), quote(table));
        var hits = new ArrayList<String>();
        for (String row : jdbc.queryForList("select to_jsonb(t)::text from " + quote(table) + " t where t::text like ?",
                String.class, "%" + FieldCipher.PREFIX + "%")) {
            JSON.readTree(row).properties().forEach(column -> {
                for (String plain : decrypted(column.getValue(), root + "." + column.getKey(), null)) {
                    String lower = plain.toLowerCase(Locale.ROOT);
                    if (lower.contains(needles.word().toLowerCase(Locale.ROOT))
                            || lower.contains(needles.email().toLowerCase(Locale.ROOT))
                            || plain.replace(" ", "").contains(phoneDigits)) {
                        hits.add("encrypted " + column.getKey());
                    }
                }
            });
        }
        return hits;
    }

    private List<String> decrypted(JsonNode node, String column, String item) {
        var out = new ArrayList<String>();
        if (node.isString() && FieldCipher.isEncrypted(node.asString())) {
            String plain = decrypt(node.asString(), item == null ? List.of(column) : List.of(column + "#" + item, column));
            if (plain != null) {
                out.add(plain);
            }
        } else if (node.isArray()) {
            node.forEach(element -> out.addAll(decrypted(element, column, item)));
        } else if (node.isObject()) {
            node.properties().forEach(field -> out.addAll(decrypted(field.getValue(), column,
                    item == null ? field.getKey() : item)));
        }
        return out;
    }

    /** Null when no key of the ring opens it: such a value shows nothing to anyone using this application. */
    private String decrypt(String stored, List<String> contexts) {
        for (String context : contexts) {
            try {
                return cipher.decrypt(stored, context);
            } catch (FieldCipherException notThisContext) {
                // try the next way the features bind a value to its place
            }
        }
        return null;
    }

    private static String quote(String table) {
        return '"' + table.replace("\"", "\"\"") + '"';
    }
}
