package app.thaw.scheduling.ui;

import java.time.Clock;

import com.vaadin.browserless.SpringBrowserlessTest;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import app.thaw.IntegrationTest;
import app.thaw.intake.IntakeService;
import app.thaw.scheduling.DiarySetupService;
import app.thaw.scheduling.SchedulingService;
import app.thaw.security.StaffAccountService;

/** What every diary screen test needs: the services behind the screens and fresh test data. */
@IntegrationTest
abstract class DiaryViewTest extends SpringBrowserlessTest {

    @Autowired
    IntakeService intake;

    @Autowired
    StaffAccountService staff;

    @Autowired
    DiarySetupService setup;

    @Autowired
    SchedulingService scheduling;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    DiaryTestData data;

    @BeforeEach
    void createTestData() {
        data = new DiaryTestData(intake, staff, setup, jdbc);
    }
}
