package app.thaw.privacy;

/**
 * One part of a subject access export that the reviewing clinician may withhold: an answer with its corrections, a
 * score, the risk flags, the risk review note, a contributing factor, a referral decision or a note. The key names
 * the part the same way in every export of the same record. Clinical content.
 */
public record DisclosureItem(String key, String group, String title, String text) {
}
