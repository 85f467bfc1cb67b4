package app.thaw.fhir;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * SMART-style system scopes ({@code system/QuestionnaireResponse.read}, {@code system/*.read}): which resource types
 * an API client may read. Held as {@code SCOPE_…} authorities of the client's authentication.
 */
public final class ApiScopes {

    /** What the API serves; {@code Bundle} is the whole case as a transfer-of-care document. */
    public static final List<String> TYPES = List.of("Patient", "QuestionnaireResponse", "Observation", "Flag",
            "Appointment", "ServiceRequest", "Questionnaire", "Bundle");
    public static final String ALL = "system/*.read";
    public static final String AUTHORITY_PREFIX = "SCOPE_";
    /** Space-separated scopes as stored: fits the column and its check. */
    public static final int MAX_LENGTH = 1000;

    private static final Pattern SCOPE = Pattern.compile("system/(\\*|[A-Za-z]+)\\.read");

    private ApiScopes() {
    }

    public static String of(String type) {
        return "system/" + type + ".read";
    }

    /** Every scope a practice manager can grant, "all" first. */
    public static List<String> grantable() {
        var all = new java.util.ArrayList<String>();
        all.add(ALL);
        TYPES.forEach(type -> all.add(of(type)));
        return List.copyOf(all);
    }

    /** A scope string that names something this server serves. */
    public static boolean isKnown(String scope) {
        if (scope == null || !SCOPE.matcher(scope).matches()) {
            return false;
        }
        return scope.equals(ALL) || TYPES.stream().anyMatch(type -> of(type).equals(scope));
    }

    public static boolean allows(Set<String> granted, String type) {
        return granted.contains(ALL) || granted.contains(of(type));
    }

    static Set<String> granted(Authentication authentication) {
        Set<String> scopes = new LinkedHashSet<>();
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if (authority.getAuthority() != null && authority.getAuthority().startsWith(AUTHORITY_PREFIX)) {
                scopes.add(authority.getAuthority().substring(AUTHORITY_PREFIX.length()));
            }
        }
        return scopes;
    }

}
