package app.thaw.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedHttpSession;

import jakarta.servlet.http.HttpSession;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import app.thaw.IntegrationTest;
import app.thaw.base.ids.StaffId;
import app.thaw.base.ui.MainLayout;
import app.thaw.review.ui.ReviewQueueView;
import app.thaw.scheduling.ui.CalendarView;

/**
 * A practice manager corrects the name of a colleague who is signed in: the colleague's header says the new name on
 * the next page they open, still signed in as the same account, role and session.
 */
@IntegrationTest
class RenamedWhileSignedInTest extends SpringBrowserlessTest {

    private static final String KEY = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

    @Autowired
    StaffAdministration administration;

    @Autowired
    StaffDetails details;

    @Autowired
    StaffPasswords passwords;

    @Autowired
    StaffAccountService accounts;

    @Autowired
    RevokedSessionFilter everyRequest;

    StaffFixtures staff;

    @BeforeEach
    void fixtures() {
        staff = new StaffFixtures(administration, passwords, accounts);
    }

    @Test
    void theHeaderSaysTheCorrectedNameOnTheNextPageWithoutSigningOut() throws Exception {
        var member = staff.member(StaffRole.THERAPIST);
        SecurityContext signedIn = staff.signedIn(member.username());
        HttpSession session = ((WrappedHttpSession) VaadinSession.getCurrent().getSession()).getHttpSession();
        session.setAttribute(KEY, signedIn);
        nextRequest(session, () -> navigate(ReviewQueueView.class));
        assertThat(header()).isEqualTo(member.displayName());

        String corrected = "Dr Jo Byrne-" + member.username();
        inTheManagersBrowser(() -> {
            TeamMember row = administration.team().stream().filter(m -> m.id() == member.id()).findFirst()
                    .orElseThrow();
            details.changeDetails(StaffId.of(member.id()), corrected, row.email(), row.version());
        });

        nextRequest(session, () -> navigate(CalendarView.class));
        assertThat(header()).isEqualTo(corrected);
        assertThat(find(Span.class).withText(member.displayName()).exists()).isFalse();

        // the same sign-in, only renamed: same account, role and session, nothing to sign in again for
        var now = ((SecurityContext) session.getAttribute(KEY)).getAuthentication();
        var user = (StaffUser) now.getPrincipal();
        assertThat(user.id()).isEqualTo(member.id());
        assertThat(user.username()).isEqualTo(member.username());
        assertThat(user.sessionGeneration())
                .isEqualTo(((StaffUser) signedIn.getAuthentication().getPrincipal()).sessionGeneration());
        assertThat(now.getAuthorities()).isEqualTo(signedIn.getAuthentication().getAuthorities());
    }

    /** A request of the colleague's browser: the filters first, then Spring Security reading the session, the page. */
    private void nextRequest(HttpSession session, Runnable page) throws Exception {
        var request = new MockHttpServletRequest("POST", "/");
        request.setSession(session);
        // Vaadin's pages read the sign-in from the session, as the filters left it
        everyRequest.doFilterInternal(request, new MockHttpServletResponse(), (req, res) -> page.run());
    }

    /** On a thread of its own: this one's Vaadin session is the colleague's, and answers for who is signed in. */
    private void inTheManagersBrowser(Runnable work) throws InterruptedException {
        var failure = new AtomicReference<Throwable>();
        Thread manager = new Thread(() -> {
            try {
                staff.as("admin", work);
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        manager.start();
        manager.join();
        assertThat(failure.get()).as("the manager's rename").isNull();
    }

    private String header() {
        var label = find(Div.class, find(MainLayout.class).single())
                .withClassName("user-menu-label").single();
        return find(Span.class, label).single().getText();
    }
}
