package app.thaw.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PartnerRedactionTest {

    private final PartnerRedaction redact = PartnerRedaction.of("Sam Rivers", "Sammy", "sam.rivers@example.org",
            "07700 900456", "THW-ABC234");

    @Test
    void everyWayOfNamingThePartnerBecomesPartner() {
        assertThat(redact.apply("Sam Rivers came too; sam was quiet and Sammy left early."))
                .isEqualTo("[partner] came too; [partner] was quiet and [partner] left early.");
        assertThat(redact.apply("Write to SAM.RIVERS@example.org or call 07700 900456 (07700900456)."))
                .isEqualTo("Write to [partner] or call [partner] ([partner]).");
        assertThat(redact.apply("Shown beside partner's intake THW-ABC234"))
                .isEqualTo("Shown beside partner's intake [partner]");
    }

    @Test
    void wordsThatOnlyContainTheNameStay() {
        assertThat(redact.apply("Samantha sampled the same samosa in Rivers Street"))
                .isEqualTo("Samantha sampled the same samosa in Rivers Street");
    }

    @Test
    void nothingChangesWithoutAPartner() {
        assertThat(PartnerRedaction.none().apply("Sam Rivers")).isEqualTo("Sam Rivers");
        assertThat(PartnerRedaction.none().apply((String) null)).isNull();
        assertThat(redact.apply(List.of("Sam", "yes"))).containsExactly("[partner]", "yes");
    }
}
