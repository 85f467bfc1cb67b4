package app.thaw.retention;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.thaw.intake.ErasureSubject;

/** An erasure's reason, kept for good, may say why but not whom. */
class ReasonCheckTest {

    private final ErasureSubject client = new ErasureSubject(1, "THW-ABC123", "Sam.Okafor@example.org", null,
            "Sam Okafor-Brown", "07700 900 123");

    @Test
    void theWholeNameTheSurnameTheAddressOrThePhoneAreRefusedHoweverTheyAreTyped() {
        assertThat(ReasonCheck.namesClient("Email from sam okafor-brown, 3 March", client)).contains("their name");
        assertThat(ReasonCheck.namesClient("Ms Okafor-Brown's written request", client)).contains("their surname");
        assertThat(ReasonCheck.namesClient("Asked by sam.okafor@EXAMPLE.org", client))
                .contains("their email address");
        assertThat(ReasonCheck.namesClient("Phoned from +44 7700 900123", client)).contains("their phone number");
    }

    @Test
    void aReasonThatNamesNoOneIsKeptAsWritten() {
        assertThat(ReasonCheck.namesClient("Client's written request of 3 March (letter on file)", client)).isEmpty();
        // a first name alone is too often an ordinary word to refuse
        assertThat(ReasonCheck.namesClient("Same as the request Sam's GP forwarded", client)).isEmpty();
        var shortSurname = new ErasureSubject(2, "THW-DEF456", "li@example.org", null, "Wei Li", "0161 496 0000");
        assertThat(ReasonCheck.namesClient("A client's light request", shortSurname)).isEmpty();
    }
}
