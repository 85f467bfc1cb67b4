package app.thaw.security.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.sidenav.SideNavItem;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.IntegrationTest;
import app.thaw.base.ui.MainLayout;
import app.thaw.review.ui.ReviewQueueView;
import app.thaw.security.StaffAccountService;
import app.thaw.security.StaffSummary;

@IntegrationTest
class StaffAccessTest extends SpringBrowserlessTest {

    @Autowired
    StaffAccountService staff;

    @Test
    @WithAnonymousUser
    void anonymousVisitorOpeningAStaffPageIsSentToSignIn() {
        getCurrentUi().navigate(ReviewQueueView.class);

        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
        assertThat(find(LoginForm.class).single().isError()).isFalse();
    }

    @Test
    @WithAnonymousUser
    void failedSignInShowsTheErrorWithoutSayingWhichPartWasWrong() {
        getCurrentUi().navigate("login", com.vaadin.flow.router.QueryParameters.of("error", ""));
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);

        var form = find(LoginForm.class).single();
        assertThat(form.isError()).isTrue();
        assertThat(LoginView.texts().getErrorMessage().getMessage()).doesNotContainIgnoringCase("not found")
                .doesNotContainIgnoringCase("no such user");
    }

    @Test
    @WithAnonymousUser
    void theSignInPageSaysSignInAndWhoToAskWhenAPasswordIsForgottenOrSignInPaused() {
        getCurrentUi().navigate("login", com.vaadin.flow.router.QueryParameters.of("error", ""));

        assertThat(LoginView.texts().getForm().getSubmit()).isEqualTo("Sign in");
        var help = find(com.vaadin.flow.component.html.Paragraph.class).withId("sign-in-help").single();
        assertThat(help.isVisible()).isTrue();
        assertThat(help.getText()).contains("Forgotten your password").contains("Ask your practice manager")
                .doesNotContainIgnoringCase("account exists");
    }

    @Test
    @WithUserDetails("amira")
    void therapistSeesTheStaffLayoutWithTheirNameAndNoAdminPages() {
        navigate(ReviewQueueView.class);

        assertThat(find(MainLayout.class).exists()).isTrue();
        assertThat(find(com.vaadin.flow.component.html.Span.class).withText("Dr Amira Khan").exists()).isTrue();
        var labels = find(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
        assertThat(labels).contains("Cases").doesNotContain("Team");
    }

    @Test
    @WithUserDetails("amira")
    void therapistCannotOpenTheTeamPageOrCallTheAdminService() {
        getCurrentUi().navigate(StaffAccountsView.class);

        assertThat(getCurrentView()).isNotInstanceOf(StaffAccountsView.class);
        assertThatThrownBy(() -> staff.listStaff()).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    @WithUserDetails("admin")
    void adminSeesTheTeamWithEveryDemoAccount() {
        navigate(StaffAccountsView.class);

        var labels = find(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
        assertThat(labels).contains("Cases", "Team");
        @SuppressWarnings("unchecked")
        Grid<StaffSummary> grid = find(Grid.class).single();
        assertThat(test(grid).size()).isGreaterThanOrEqualTo(4);
        assertThat(staff.listStaff()).extracting(StaffSummary::username).contains("admin", "amira", "tom", "grace");
    }

    private static com.vaadin.flow.component.UI getCurrentUi() {
        return com.vaadin.flow.component.UI.getCurrent();
    }
}
