package app.thaw.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.servlet.http.HttpServletResponse;

import app.thaw.base.domain.HasHome;

/** One plain page for anything missing or not yours to see, so a URL never reveals whether a record exists. */
@PageTitle("Page not found · Thaw")
@AnonymousAllowed
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    public NotFoundView(AuthenticationContext authentication) {
        addClassName("not-found-view");
        // signed-in staff go back to their role's own first page (a clinical lead has no queue); the start page is
        // the client's intake form
        var back = authentication.isAuthenticated()
                ? new Anchor(authentication.getAuthenticatedUser(HasHome.class).map(HasHome::home).orElse("staff"),
                        "Back to your workspace")
                : new Anchor("", "Go to the start page");
        back.setId("not-found-back");
        add(new H1("We couldn't find that page"), new Paragraph("The link may be old or mistyped."), back);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
