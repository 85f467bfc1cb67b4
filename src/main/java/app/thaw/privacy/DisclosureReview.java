package app.thaw.privacy;

import java.util.List;
import java.util.Map;

/**
 * What the reviewing clinician sees: the whole export as the client would get it, its withholdable parts, what is
 * withheld so far (key to reason) and a fingerprint of the record as shown, so approving a record that changed
 * meanwhile is refused. Clinical content: for the named reviewer only.
 *
 * @param open the request waits for this review; otherwise the page shows the decision, read-only
 */
public record DisclosureReview(AccessRequestView request, SubjectAccessExport export, List<DisclosureItem> items,
                               Map<String, String> withheld, String content, boolean open) {
}
