package app.thaw.base.web;

import org.springframework.core.env.Environment;

/** Production is any run without the dev or test profile: the jar as a practice runs it. */
public final class Production {

    private Production() {
    }

    public static boolean isProduction(Environment environment) {
        return !environment.matchesProfiles("dev | test");
    }
}
