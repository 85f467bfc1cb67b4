package app.thaw.dev;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

import app.thaw.Application;

/** Local runs and tests: the clock every service takes can replay the demo's past days (never in production). */
@Configuration(proxyBeanMethods = false)
@Profile({"dev", "test"})
class DemoClockConfiguration {

    @Bean
    @Primary
    Clock demoClock() {
        return new DemoClock(Clock.system(Application.PRACTICE_ZONE));
    }
}
