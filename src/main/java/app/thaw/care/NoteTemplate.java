package app.thaw.care;

import java.util.List;

/** How a session note is laid out: free text, or the DAP or SOAP headings therapists are trained in. */
public enum NoteTemplate {
    FREE("Free text", List.of("Note")),
    DAP("DAP", List.of("Data", "Assessment", "Plan")),
    SOAP("SOAP", List.of("Subjective", "Objective", "Assessment", "Plan"));

    private final String label;
    private final List<String> headings;

    NoteTemplate(String label, List<String> headings) {
        this.label = label;
        this.headings = headings;
    }

    public String label() {
        return label;
    }

    public List<String> headings() {
        return headings;
    }
}
