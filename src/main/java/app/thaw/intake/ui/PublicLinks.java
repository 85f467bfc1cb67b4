package app.thaw.intake.ui;

import com.vaadin.flow.server.VaadinServletRequest;

/** Absolute links for clients to keep, built from the address they used to reach us. */
final class PublicLinks {

    private PublicLinks() {
    }

    static String absolute(String path) {
        var current = VaadinServletRequest.getCurrent();
        if (current == null) {
            return "/" + path;
        }
        var request = current.getHttpServletRequest();
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(request.getScheme()) && port == 80)
                || ("https".equals(request.getScheme()) && port == 443);
        return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port)
                + request.getContextPath() + "/" + path;
    }
}
