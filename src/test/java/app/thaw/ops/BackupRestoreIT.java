package app.thaw.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.AttributeConverter;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import app.thaw.IntegrationTest;
import app.thaw.TestDatabase;
import app.thaw.base.crypto.Reencryption;
import app.thaw.intake.IntakeFixtures;
import app.thaw.intake.IntakeService;
import app.thaw.review.ReviewTestData;

/**
 * Issue 14 point 6, as docs/operations.md tells a practice's IT person to do it: pg_dump of the running system in
 * custom format, pg_restore into a fresh, empty database, then read a case back from the restored copy, its
 * encrypted answers decrypted with the app's key (the key is never in the dump).
 */
@IntegrationTest
class BackupRestoreIT {

    @Autowired
    IntakeService intake;

    @Autowired
    UserDetailsService staff;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Reencryption reencryption;

    @Test
    @SuppressWarnings("unchecked")
    void aDumpOfTheRunningSystemRestoresIntoAFreshDatabaseAndACaseReadsBack() throws Exception {
        var bin = PgTools.bin();
        if (bin.isEmpty() && System.getenv("CI") == null) {
            Assumptions.abort("pg_dump 18 not found: run .ci/pg-client.sh (CI does) or set -Dthaw.pg.bin");
        }
        Path tools = bin.orElseThrow(() -> new AssertionError("pg_dump 18 is needed: .ci/pg-client.sh builds it"));
        String word = "Restored" + UUID.randomUUID().toString().substring(0, 6);
        var submitted = new ReviewTestData(intake, staff, jdbc).submit(IntakeFixtures.completeAnswers(word + " Client")
                .with("presenting.what_brings_you", "In my own words: " + word));
        var db = TestDatabase.get();
        var source = java.net.URI.create(db.url().substring("jdbc:".length()));
        String database = source.getPath().substring(1);
        Path dump = Files.createTempFile("thaw-backup-", ".dump");
        String restored = "thaw_restore_" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
        try {
            PgTools.run(List.of(tools.resolve("pg_dump").toString(), "--format=custom", "--no-owner",
                    "--host=" + source.getHost(), "--port=" + source.getPort(), "--username=" + db.username(),
                    "--file=" + dump, database));
            jdbc.execute("create database " + restored);
            PgTools.run(List.of(tools.resolve("pg_restore").toString(), "--no-owner", "--exit-on-error",
                    "--host=" + source.getHost(), "--port=" + source.getPort(), "--username=" + db.username(),
                    "--dbname=" + restored, dump.toString()));

            String url = "jdbc:postgresql://" + source.getHost() + ":" + source.getPort() + "/" + restored;
            try (var connection = DriverManager.getConnection(url, db.username(), db.password());
                 var query = connection.prepareStatement("select full_name, answers::text from intake where reference = ?")) {
                query.setString(1, submitted.reference());
                try (var rows = query.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo(word + " Client");
                    String stored = rows.getString(2);
                    assertThat(stored).doesNotContain("In my own words").contains("enc:v1:");
                    var answers = (AttributeConverter<String, String>) reencryption.columns().stream()
                            .filter(c -> c.table().equals("intake") && c.column().equals("answers")).findFirst()
                            .orElseThrow();
                    assertThat(answers.convertToEntityAttribute(stored)).contains("In my own words: " + word);
                }
                try (var history = connection.prepareStatement("select count(*) from flyway_schema_history");
                     var rows = history.executeQuery()) {
                    rows.next();
                    assertThat(rows.getInt(1)).isGreaterThanOrEqualTo(16);
                }
            }
        } finally {
            jdbc.execute("drop database if exists " + restored + " with (force)");
            Files.deleteIfExists(dump);
        }
    }
}
