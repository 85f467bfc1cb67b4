package app.thaw.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.IntegrationTest;
import app.thaw.review.ui.ReviewQueueView;
import app.thaw.security.SecondFactorService;
import app.thaw.security.StaffUser;
import app.thaw.security.TotpTestCodes;
import app.thaw.dev.DemoStaffAccounts;

@IntegrationTest
class SecondFactorViewsTest extends SpringBrowserlessTest {

    private static final String PASSWORD = "another-test-password-7";

    @Autowired
    AuthenticationProvider staffAuthentication;

    @Autowired
    SecondFactorService secondFactor;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    JdbcTemplate jdbc;

    private final String username = "views-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void forget() {
        jdbc.update("delete from sign_in_throttle where throttle_key in (?, ?)", "account:" + username,
                "address:unknown");
    }

    @Test
    void aNewStaffMemberIsSentToEnrolReadsTheSecretConfirmsAndGetsTenRecoveryCodes() {
        newTherapist();
        passwordStep(username, PASSWORD);

        UI.getCurrent().navigate(VerifySecondFactorView.class);

        assertThat(getCurrentView()).isInstanceOf(EnrolSecondFactorView.class);
        assertThat(find(Image.class).single().getSrc()).startsWith("data:image/png;base64,");
        String secret = find(Span.class).withClassName("totp-secret").single().getText().replace(" ", "");
        assertThat(secret).matches("[A-Z2-7]{32}");

        TextField code = find(TextField.class).withLabel("6-digit code from the app").single();
        test(code).setValue("12345x");
        test(find(Button.class).withText("Confirm").single()).click();
        assertThat(code.isInvalid()).isTrue();
        assertThat(code.getErrorMessage()).startsWith("That code didn't work");

        test(code).setValue(TotpTestCodes.current(secret));
        test(find(Button.class).withText("Confirm").single()).click();

        assertThat(find(ListItem.class).all()).hasSize(10)
                .allSatisfy(item -> assertThat(item.getText()).matches("[a-z2-7]{4}(-[a-z2-7]{4}){3}"));
        assertThat(SecurityContextHolder.getContext().getAuthentication().getPrincipal())
                .isInstanceOf(StaffUser.class);
        assertThat(find(Button.class).withText("I have saved them — continue").exists()).isTrue();
    }

    @Test
    void onAPhoneTheSameKeyTheQrCodeHoldsIsOfferedAsALinkToTheAuthenticatorApp() throws Exception {
        newTherapist();
        passwordStep(username, PASSWORD);

        UI.getCurrent().navigate(EnrolSecondFactorView.class);

        Anchor link = find(Anchor.class).withText("Add to an authenticator app on this phone").single();
        String secret = find(Span.class).withClassName("totp-secret").single().getText().replace(" ", "");
        assertThat(link.getHref()).startsWith("otpauth://totp/").contains("secret=" + secret).contains("issuer=Thaw")
                .isEqualTo(qrCodeText(find(Image.class).single().getSrc()));
        assertThat(find(Paragraph.class).all()).extracting(Paragraph::getText)
                .anySatisfy(text -> assertThat(text).contains("scan this QR code with the app on your phone"))
                .anySatisfy(text -> assertThat(text).contains("tap this link"))
                .anySatisfy(text -> assertThat(text).contains("by hand with this key"));
    }

    private static String qrCodeText(String dataUri) throws Exception {
        byte[] png = Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1));
        var image = ImageIO.read(new ByteArrayInputStream(png));
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new MultiFormatReader().decode(bitmap).getText();
    }

    @Test
    void anEnrolledStaffMemberTypesTheCodeAndAWrongOneIsRefusedBesideTheField() {
        passwordStep("grace", DemoStaffAccounts.DEMO_PASSWORD);

        UI.getCurrent().navigate(VerifySecondFactorView.class);

        assertThat(getCurrentView()).isInstanceOf(VerifySecondFactorView.class);
        TextField code = find(TextField.class).withLabel("Code from your authenticator app").single();
        test(code).setValue("not-a-code");
        test(find(Button.class).withText("Verify").single()).click();
        assertThat(code.isInvalid()).isTrue();
        assertThat(SecurityContextHolder.getContext().getAuthentication().getPrincipal())
                .isNotInstanceOf(StaffUser.class);

        test(code).setValue(TotpTestCodes.forDemoAccount(jdbc, "grace"));
        test(find(Button.class).withText("Verify").single()).click();

        assertThat(SecurityContextHolder.getContext().getAuthentication().getPrincipal())
                .isInstanceOf(StaffUser.class);
    }

    @Test
    void theDemoCodeHintIsNotShownOutsideTheDevProfile() {
        passwordStep("tom", DemoStaffAccounts.DEMO_PASSWORD);

        UI.getCurrent().navigate(VerifySecondFactorView.class);

        assertThat(getCurrentView()).isInstanceOf(VerifySecondFactorView.class);
        assertThat(find(com.vaadin.flow.component.html.Div.class).withClassName("demo-code-hint").exists()).isFalse();
        assertThat(find(Paragraph.class).all()).noneSatisfy(
                text -> assertThat(text.getText()).containsIgnoringCase("demo account"));
    }

    @Test
    void aPasswordOnlySignInCannotOpenStaffPages() {
        passwordStep("amira", DemoStaffAccounts.DEMO_PASSWORD);

        UI.getCurrent().navigate(ReviewQueueView.class);
        assertThat(getCurrentView()).isNotInstanceOf(ReviewQueueView.class);

        UI.getCurrent().navigate(StaffAccountsView.class);
        assertThat(getCurrentView()).isNotInstanceOf(StaffAccountsView.class);
    }

    private void newTherapist() {
        jdbc.update("""
                insert into staff_account (username, display_name, email, password_hash, role, created_at)
                values (?, 'Views Test', ?, ?, 'THERAPIST', now())""",
                username, username + "@example.org", passwordEncoder.encode(PASSWORD));
    }

    private void passwordStep(String who, String password) {
        SecurityContextHolder.getContext().setAuthentication(staffAuthentication.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(who, password)));
    }
}
