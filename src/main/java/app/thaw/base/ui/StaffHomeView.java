package app.thaw.base.ui;

import java.time.Clock;
import java.time.ZonedDateTime;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.PermitAll;

import app.thaw.base.domain.DisplayNamed;

/** Where staff land after signing in. */
@Route(value = "staff", layout = MainLayout.class)
@PageTitle("Home · Thaw")
@Menu(order = 0, title = "Home", icon = "vaadin:home")
@PermitAll
public class StaffHomeView extends VerticalLayout {

    public StaffHomeView(AuthenticationContext authentication, Clock clock) {
        addClassName("staff-home");
        String name = authentication.getAuthenticatedUser(DisplayNamed.class)
                .map(DisplayNamed::displayName).orElse("");
        add(new H2(greeting(ZonedDateTime.now(clock)) + ", " + name),
                new Paragraph("Use the navigation to open your work."));
    }

    static String greeting(ZonedDateTime now) {
        int hour = now.getHour();
        return hour < 12 ? "Good morning" : hour < 18 ? "Good afternoon" : "Good evening";
    }
}
