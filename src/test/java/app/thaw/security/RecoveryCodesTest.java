package app.thaw.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class RecoveryCodesTest {

    @Test
    void tenDifferentCodesInGroupsOfFour() {
        List<String> codes = RecoveryCodes.generate();

        assertThat(codes).hasSize(10).allMatch(code -> code.matches("[a-z2-7]{4}(-[a-z2-7]{4}){3}"));
        assertThat(new HashSet<>(codes)).hasSize(10);
    }

    @Test
    void typedCodesAreReadWhateverTheCaseDashesOrSpaces() {
        assertThat(RecoveryCodes.normalise("ABCD-efgh-2345-6777")).hasValue("abcdefgh23456777");
        assertThat(RecoveryCodes.normalise("abcd efgh 2345 6777")).hasValue("abcdefgh23456777");
        assertThat(RecoveryCodes.normalise("abcdefgh23456777")).hasValue("abcdefgh23456777");
        assertThat(RecoveryCodes.normalise("abcd-efgh-2345")).isEmpty();
        assertThat(RecoveryCodes.normalise("abcd-efgh-2345-6781")).as("1 and 8 are not base32").isEmpty();
    }

    @Test
    void onlyAHashIsKeptAndItDoesNotContainTheCode() {
        String hash = RecoveryCodes.hash("abcdefgh23456777");

        assertThat(hash).hasSize(64).matches("[0-9a-f]+").doesNotContain("abcdefgh");
        assertThat(RecoveryCodes.hash("abcdefgh23456777")).isEqualTo(hash);
        assertThat(RecoveryCodes.hash("abcdefgh23456776")).isNotEqualTo(hash);
    }
}
