package app.thaw.review;

/** A generated referral letter, ready to download. */
public record ReferralLetterFile(String fileName, byte[] pdf) {
}
