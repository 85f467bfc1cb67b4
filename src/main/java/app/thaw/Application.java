package app.thaw;

import java.time.Clock;
import java.time.ZoneId;

import app.thaw.base.PracticeTime;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
@PWA(name = "Thaw — intake and referral", shortName = "Thaw", iconPath = "icons/icon.png",
        offlinePath = "offline.html", offlineResources = {"icons/icon.png", "styles/thaw.css"})
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/thaw.css")
public class Application implements AppShellConfigurator {

    /** The practice works in UK time; every service reads time through this clock. */
    public static final ZoneId PRACTICE_ZONE = PracticeTime.ZONE;

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.system(PRACTICE_ZONE);
    }
}
