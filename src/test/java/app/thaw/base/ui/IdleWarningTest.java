package app.thaw.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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

import org.junit.jupiter.api.Test;

import app.thaw.IntegrationTest;

/** The end of an idle staff page: what has a draft is kept first, and the sign-out happens whatever that did. */
@IntegrationTest
class IdleWarningTest extends SpringBrowserlessTest {

    private final List<HttpServletRequest> signedOut = new ArrayList<>();

    private final IdleSignOut idle = new IdleSignOut() {
        @Override
        public Duration idleTimeout() {
            return Duration.ofMinutes(30);
        }

        @Override
        public void signOutIdle(HttpServletRequest request, HttpServletResponse response) {
            signedOut.add(request);
        }
    };

    @Test
    void theTimeRunningOutKeepsWhatCanBeKeptWhileSignedInThenSignsOut() {
        var warning = onThePage();
        List<Boolean> keptWhileSignedIn = new ArrayList<>();
        ComponentUtil.addListener(UI.getCurrent(), SigningOutIdle.class,
                event -> keptWhileSignedIn.add(signedOut.isEmpty()));

        timeRunsOut(warning);

        assertThat(keptWhileSignedIn).containsExactly(true);
        assertThat(signedOut).hasSize(1);
    }

    @Test
    void aDraftThatCannotBeKeptDoesNotKeepTheScreenOpen() {
        var warning = onThePage();
        ComponentUtil.addListener(UI.getCurrent(), SigningOutIdle.class, event -> {
            throw new IllegalStateException("the database is away");
        });

        assertThatThrownBy(() -> timeRunsOut(warning)).hasMessage("the database is away");
        assertThat(signedOut).hasSize(1);
    }

    private IdleWarning onThePage() {
        var warning = new IdleWarning(idle);
        UI.getCurrent().add(warning);
        return warning;
    }

    private static void timeRunsOut(IdleWarning warning) {
        var element = warning.getElement();
        element.getNode().getFeature(ElementListenerMap.class)
                .fireEvent(new DomEvent(element, "idle-end", JacksonUtils.createObjectNode()));
    }
}
