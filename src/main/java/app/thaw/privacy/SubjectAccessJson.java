package app.thaw.privacy;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The machine-readable file: the export record as indented UTF-8 JSON, times as ISO-8601 instants (UTC). */
@Component
class SubjectAccessJson {

    private final JsonMapper json;

    SubjectAccessJson(JsonMapper json) {
        this.json = json;
    }

    byte[] write(SubjectAccessExport export) {
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(export);
    }

    SubjectAccessExport read(byte[] file) {
        return json.readValue(file, SubjectAccessExport.class);
    }
}
