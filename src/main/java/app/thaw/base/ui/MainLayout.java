package app.thaw.base.ui;

import java.time.Clock;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.PermitAll;

import app.thaw.base.domain.DisplayNamed;

/** The staff shell around every /staff page: navigation filtered by role and a user menu with sign-out. */

@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final AuthenticationContext authentication;
    private final Avatar avatar = new Avatar();
    private final Span name = new Span();

    public MainLayout(AuthenticationContext authentication, SessionLimits limits, Clock clock) {
        this.authentication = authentication;
        setPrimarySection(Section.DRAWER);
        addClassName("staff-layout");

        var brand = new Div(new Span("Thaw"));
        brand.addClassName("staff-brand");
        addToDrawer(brand, navigation());

        var title = new Span("Practice workspace");
        title.addClassName("staff-title");
        showName();
        addToNavbar(new DrawerToggle(), title, userMenu());
        getElement().appendChild(new SessionEndWarning(limits, clock).getElement());
    }

    /** The layout outlives its pages, so each page reads the name again: a practice manager may have corrected it. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        showName();
    }

    private void showName() {
        String shown = authentication.getAuthenticatedUser(DisplayNamed.class)
                .map(DisplayNamed::displayName)
                .orElse("Staff member");
        if (!shown.equals(name.getText())) {
            name.setText(shown);
            avatar.setName(shown);
        }
    }

    private static SideNav navigation() {
        var nav = new SideNav();
        nav.setLabel("Staff navigation");
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(item(entry)));
        return nav;
    }

    private static SideNavItem item(MenuEntry entry) {
        return entry.icon() == null ? new SideNavItem(entry.title(), entry.path())
                : new SideNavItem(entry.title(), entry.path(), new Icon(entry.icon()));
    }

    private MenuBar userMenu() {
        avatar.setTooltipEnabled(false);
        var menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        menu.addClassName("user-menu");
        menu.getElement().setAttribute("aria-label", "Account menu");
        var label = new Div(avatar, name);
        label.addClassName("user-menu-label");
        var root = menu.addItem(label);
        // the page lives in the security module, which base must not depend on: hence the path
        root.getSubMenu().addItem("Change password", click -> menu.getUI().ifPresent(ui -> ui.navigate(
                "staff/account/password")));
        root.getSubMenu().addItem("Sign out", click -> authentication.logout());
        return menu;
    }
}
