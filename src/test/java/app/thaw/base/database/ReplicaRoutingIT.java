package app.thaw.base.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;

import app.thaw.TestDatabase;

/**
 * Issue 20.7, read replicas: with {@code thaw.datasource.replica.url} set, the read-only transactions of
 * {@link ReadsFromReplica} work reach the replica and everything else the primary, through JPA's transaction manager
 * as in the app. The "two servers" are two pools to the test database told apart by their {@code application_name}.
 */
class ReplicaRoutingIT {

    private static final String PRIMARY = "thaw-test-primary";
    private static final String REPLICA = "thaw-test-replica";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(ReadReplicaConfiguration.class, Jpa.class);

    @Test
    void readOnlyReportsGoToTheReplicaAndEverythingElseToThePrimary() {
        runner.withPropertyValues(properties(true)).run(context -> {
            assertThat(context).hasSingleBean(ReplicaRouting.RoutedDataSource.class);
            var reports = context.getBean(Reports.class);
            var caseView = context.getBean(CaseView.class);

            assertThat(reports.readThroughJpa()).isEqualTo(REPLICA);
            assertThat(reports.readThroughJdbc()).isEqualTo(REPLICA);
            assertThat(reports.export()).as("a report that writes (an audited export)").isEqualTo(PRIMARY);
            assertThat(caseView.read()).as("read-only but must read its own writes").isEqualTo(PRIMARY);
            assertThat(caseView.writeThenReport(reports))
                    .as("a report inside a writing transaction keeps that transaction's connection")
                    .isEqualTo(PRIMARY);
            assertThat(context.getBean(JdbcTemplate.class).queryForObject(NAME, String.class))
                    .as("outside any transaction").isEqualTo(PRIMARY);
        });
    }

    @Test
    void bootsOwnDataSourceStepsAsideForTheRoutedOne() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class))
                .withUserConfiguration(ReadReplicaConfiguration.class)
                .withPropertyValues(properties(true)).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(DataSource.class);
                    assertThat(context.getBean(DataSource.class)).isInstanceOf(ReplicaRouting.RoutedDataSource.class);
                });
    }

    @Test
    void withoutAReplicaTheAppKeepsOneDataSource() {
        new ApplicationContextRunner().withUserConfiguration(ReadReplicaConfiguration.class)
                .withPropertyValues(properties(false)).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(ReplicaRouting.RoutedDataSource.class);
                    assertThat(context).doesNotHaveBean(DataSource.class);
                });
    }

    private static final String NAME = "select current_setting('application_name')";

    private static String[] properties(boolean replica) {
        var db = TestDatabase.get();
        var list = new java.util.ArrayList<>(java.util.List.of(
                "spring.datasource.url=" + named(db.url(), PRIMARY),
                "spring.datasource.username=" + db.username(),
                "spring.datasource.password=" + db.password(),
                "spring.datasource.hikari.maximum-pool-size=2"));
        if (replica) {
            list.add("thaw.datasource.replica.url=" + named(db.url(), REPLICA));
        }
        return list.toArray(String[]::new);
    }

    private static String named(String url, String applicationName) {
        return url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + applicationName;
    }

    /** JPA as the app runs it: Hibernate with Spring's JpaTransactionManager, JDBC sharing its connection. */
    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    static class Jpa {

        @Bean
        LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource) {
            var factory = new LocalContainerEntityManagerFactoryBean();
            factory.setDataSource(dataSource);
            factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
            factory.setPackagesToScan(ReplicaRoutingIT.class.getPackageName() + ".noentities");
            factory.setJpaPropertyMap(Map.of("hibernate.hbm2ddl.auto", "none",
                    "hibernate.connection.handling_mode", "DELAYED_ACQUISITION_AND_HOLD"));
            return factory;
        }

        @Bean
        PlatformTransactionManager transactionManager(EntityManagerFactory factory) {
            return new JpaTransactionManager(factory);
        }

        @Bean
        JdbcTemplate jdbcTemplate(DataSource dataSource) {
            return new JdbcTemplate(dataSource);
        }

        @Bean
        Reports reports(JdbcTemplate jdbc) {
            return new Reports(jdbc);
        }

        @Bean
        CaseView caseView(JdbcTemplate jdbc) {
            return new CaseView(jdbc);
        }
    }

    @ReadsFromReplica
    @Transactional(readOnly = true)
    static class Reports {

        private final JdbcTemplate jdbc;

        @PersistenceContext
        private EntityManager entityManager;

        Reports(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        String readThroughJpa() {
            return (String) entityManager.createNativeQuery(NAME).getSingleResult();
        }

        String readThroughJdbc() {
            return jdbc.queryForObject(NAME, String.class);
        }

        @Transactional
        String export() {
            return jdbc.queryForObject(NAME, String.class);
        }
    }

    static class CaseView {

        private final JdbcTemplate jdbc;

        CaseView(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Transactional(readOnly = true)
        String read() {
            return jdbc.queryForObject(NAME, String.class);
        }

        @Transactional
        String writeThenReport(Reports reports) {
            jdbc.queryForObject("select 1", Integer.class);
            return reports.readThroughJdbc();
        }
    }
}
