package app.thaw.fhir;

import java.time.Instant;

/** A new client's bearer token: shown to the practice manager once, never stored (only its hash is). */
public record IssuedApiToken(long clientId, String clientName, String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedApiToken[" + clientId + ", " + clientName + "]";
    }
}
