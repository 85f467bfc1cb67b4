package app.thaw.privacy;

import app.thaw.base.PracticeProfile;
import app.thaw.retention.RetentionPolicy;

/**
 * What the public privacy notice says that the practice decides: who it is and how to reach it, and how long it keeps
 * what it holds, as its settings stand when the notice is read.
 *
 * @param version the notice's version, the one a client's consent records
 */
public record PrivacyNotice(String version, PracticeProfile practice, RetentionPolicy retention) {
}
