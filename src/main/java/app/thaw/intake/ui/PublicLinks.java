package app.thaw.intake.ui;

import com.vaadin.flow.server.VaadinService;

import app.thaw.base.web.PublicUrl;

/** Absolute links for clients to keep: always under the practice's public address, never the request's host. */
final class PublicLinks {

    private PublicLinks() {
    }

    static String absolute(String path) {
        return VaadinService.getCurrent().getInstantiator().getOrCreate(PublicUrl.class).link(path);
    }
}
