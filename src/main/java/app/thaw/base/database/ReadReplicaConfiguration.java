package app.thaw.base.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.Advisor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;

/**
 * Optional read replica (off unless {@code thaw.datasource.replica.url} is set, beside {@code spring.datasource.url}):
 * the app's DataSource becomes one over two pools, the primary for everything that writes or must read its own
 * writes, the replica for the read-only transactions of {@link ReadsFromReplica} work (reports). Both pools take
 * the {@code spring.datasource.hikari.*} settings; the replica's user and password default to the primary's.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty({"spring.datasource.url", "thaw.datasource.replica.url"})
class ReadReplicaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReadReplicaConfiguration.class);

    @Bean
    ReplicaRouting.RoutedDataSource dataSource(Environment environment) {
        var binder = Binder.get(environment);
        var primary = pool(binder, "thaw-primary", environment.getRequiredProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"));
        String username = environment.getProperty("thaw.datasource.replica.username");
        String password = environment.getProperty("thaw.datasource.replica.password");
        var replica = pool(binder, "thaw-replica", environment.getRequiredProperty("thaw.datasource.replica.url"),
                username != null ? username : primary.getUsername(),
                password != null ? password : primary.getPassword());
        Integer size = environment.getProperty("thaw.datasource.replica.maximum-pool-size", Integer.class);
        if (size != null) {
            replica.setMaximumPoolSize(size);
        }
        log.info("Read replica configured: reports' read-only transactions go to {}", replica.getJdbcUrl());
        return ReplicaRouting.dataSource(primary, replica);
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor replicaReadsAdvisor() {
        return ReplicaRouting.advisor();
    }

    private static HikariDataSource pool(Binder binder, String name, String url, @Nullable String username,
                                         @Nullable String password) {
        var pool = new HikariDataSource();
        binder.bind("spring.datasource.hikari", Bindable.ofInstance(pool));
        pool.setPoolName(name);
        pool.setJdbcUrl(url);
        pool.setUsername(username);
        pool.setPassword(password);
        return pool;
    }
}
