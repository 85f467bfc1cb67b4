package app.thaw.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.junit.jupiter.api.Test;

import app.thaw.Application;
import app.thaw.IntegrationTest;

/** The end of an idle staff page: what has a draft is kept first, and the sign-out happens whatever that did. */
@IntegrationTest
class SessionEndWarningTest extends SpringBrowserlessTest {

    private final List<HttpServletRequest> signedOut = new ArrayList<>();

    private final SessionLimits limits = new SessionLimits() {
        @Override
        public Duration idleTimeout() {
            return Duration.ofMinutes(30);
        }

        @Override
        public Duration lifetime() {
            return Duration.ofHours(12);
        }

        @Override
        public Duration lifetimeLeft(HttpSession session) {
            return Duration.ofHours(3);
        }

        @Override
        public void signOutNow(HttpServletRequest request, HttpServletResponse response) {
            signedOut.add(request);
        }
    };

    @Test
    void theTimeRunningOutKeepsWhatCanBeKeptWhileSignedInThenSignsOut() {
        var warning = onThePage();
        List<Boolean> keptWhileSignedIn = new ArrayList<>();
        ComponentUtil.addListener(UI.getCurrent(), SessionEnding.class,
                event -> keptWhileSignedIn.add(signedOut.isEmpty()));

        timeRunsOut(warning);

        assertThat(keptWhileSignedIn).containsExactly(true);
        assertThat(signedOut).hasSize(1);
    }

    @Test
    void aDraftThatCannotBeKeptDoesNotKeepTheScreenOpen() {
        var warning = onThePage();
        ComponentUtil.addListener(UI.getCurrent(), SessionEnding.class, event -> {
            throw new IllegalStateException("the database is away");
        });

        assertThatThrownBy(() -> timeRunsOut(warning)).hasMessage("the database is away");
        assertThat(signedOut).hasSize(1);
    }

    @Test
    void theLifetimeNoticeSaysWhenTheSessionEndsOnThePracticesClock() {
        var warning = onThePage();
        String said = warning.getElement().getChildren().filter(child -> "lifetime-warning-text".equals(
                child.getAttribute("id"))).findFirst().orElseThrow().getTextRecursively();
        assertThat(said).startsWith("A session lasts at most 12 hours, so you will be signed out at 12:00, ");
    }

    private SessionEndWarning onThePage() {
        var warning = new SessionEndWarning(limits, Clock.fixed(Instant.parse("2026-12-07T09:00:00Z"), Application.PRACTICE_ZONE));
        UI.getCurrent().add(warning);
        return warning;
    }

    private static void timeRunsOut(SessionEndWarning warning) {
        var element = warning.getElement();
        element.getNode().getFeature(ElementListenerMap.class)
                .fireEvent(new DomEvent(element, "idle-end", JacksonUtils.createObjectNode()));
    }
}
