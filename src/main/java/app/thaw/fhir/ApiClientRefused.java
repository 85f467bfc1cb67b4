package app.thaw.fhir;

/** An API client the practice manager asked for cannot be made as asked; the message says why, for the form. */
public class ApiClientRefused extends RuntimeException {

    public ApiClientRefused(String message) {
        super(message);
    }
}
