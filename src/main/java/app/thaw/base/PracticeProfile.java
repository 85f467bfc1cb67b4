package app.thaw.base;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The practice's own details for pages and letterheads (thaw.practice.* in configuration). */
@ConfigurationProperties("thaw.practice")
public record PracticeProfile(String name, List<String> addressLines, String phone, String email) {

    public PracticeProfile {
        addressLines = addressLines == null ? List.of() : List.copyOf(addressLines);
    }
}
