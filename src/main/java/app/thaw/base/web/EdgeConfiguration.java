package app.thaw.base.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.DispatcherType;

import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Wires the edge into Tomcat and the filter chain: the forwarded-header valve first, then response headers, the
 * host check and the cross-site check ahead of every other filter (Spring Security's included).
 */
@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EdgeConfiguration.class);

    /** The first filters of all; security's own come after these. */
    static final int HEADERS_ORDER = Ordered.HIGHEST_PRECEDENCE;

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> forwardedHeaders(
            @Value("${thaw.proxy.trusted:}") String[] trusted,
            @Value("${thaw.proxy.header:x-forwarded}") String header, ContentSecurityPolicy csp) {
        TrustedProxies proxies = TrustedProxies.parse(List.of(trusted));
        var style = switch (header.strip().toLowerCase(Locale.ROOT)) {
            case "forwarded" -> ForwardedHeadersValve.Style.FORWARDED;
            case "x-forwarded" -> ForwardedHeadersValve.Style.X_FORWARDED;
            default -> throw new IllegalArgumentException("thaw.proxy.header must be x-forwarded or forwarded");
        };
        log.info("Forwarded headers are believed from: {}", proxies);
        return factory -> factory.addEngineValves(new ForwardedHeadersValve(proxies, style),
                new SecurityHeadersValve(csp));
    }

    /**
     * The calm page in place of Tomcat's report. Unordered, this runs after Spring Boot's own customizer, whose report
     * valve (added to the host as the context is made) it replaces; the host adds no default one beside it.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> calmServerErrors() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                Arrays.stream(host.getPipeline().getValves()).filter(ErrorReportValve.class::isInstance)
                        .forEach(host.getPipeline()::removeValve);
                host.getPipeline().addValve(new CalmServerErrorValve());
                host.setErrorReportValveClass(CalmServerErrorValve.class.getName());
            }
        });
    }

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter(ContentSecurityPolicy csp) {
        var registration = new FilterRegistrationBean<>(new SecurityHeadersFilter(csp));
        registration.setOrder(HEADERS_ORDER);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC,
                DispatcherType.FORWARD);
        return registration;
    }

    @Bean
    FilterRegistrationBean<HostCheckFilter> hostCheckFilter(PublicUrl publicUrl,
                                                            @Value("${thaw.allowed-hosts:}") String[] extraHosts) {
        var registration = new FilterRegistrationBean<>(new HostCheckFilter(publicUrl, extraHosts));
        registration.setOrder(HEADERS_ORDER + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<CrossSiteRequestFilter> crossSiteRequestFilter() {
        var registration = new FilterRegistrationBean<>(new CrossSiteRequestFilter());
        registration.setOrder(HEADERS_ORDER + 2);
        return registration;
    }
}
