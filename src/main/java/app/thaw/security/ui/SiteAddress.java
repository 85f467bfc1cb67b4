package app.thaw.security.ui;

import com.vaadin.flow.server.VaadinServletRequest;

/** Where staff reach Thaw, taken from the admin's own request: the base of the links we email. */
final class SiteAddress {

    private SiteAddress() {
    }

    static String current() {
        var current = VaadinServletRequest.getCurrent();
        if (current == null) {
            return "http://localhost";
        }
        var request = current.getHttpServletRequest();
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(request.getScheme()) && port == 80)
                || ("https".equals(request.getScheme()) && port == 443);
        return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port)
                + request.getContextPath();
    }
}
