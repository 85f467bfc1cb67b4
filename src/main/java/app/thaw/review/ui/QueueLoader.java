package app.thaw.review.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import app.thaw.review.QueueFilter;
import app.thaw.review.QueueRow;
import app.thaw.review.QueueSort;
import app.thaw.review.ReviewQueueService;

/**
 * Feeds the grid's offset/limit requests by walking keyset pages forward from the last row already
 * loaded, so the database never skips rows with OFFSET however far the therapist scrolls.
 */
class QueueLoader {

    static final int PAGE = 50;

    private final ReviewQueueService review;
    private final List<QueueRow> loaded = new ArrayList<>();
    private QueueFilter filter = QueueFilter.open();
    private QueueSort sort = QueueSort.DEFAULT;
    private boolean exhausted;

    QueueLoader(ReviewQueueService review) {
        this.review = review;
    }

    void reset(QueueFilter newFilter, QueueSort newSort) {
        filter = newFilter;
        sort = newSort;
        loaded.clear();
        exhausted = false;
    }

    QueueSort sort() {
        return sort;
    }

    Stream<QueueRow> fetch(int offset, int limit) {
        while (!exhausted && loaded.size() < offset + limit) {
            QueueRow last = loaded.isEmpty() ? null : loaded.getLast();
            List<QueueRow> page = review.queue(filter, sort, last, PAGE);
            loaded.addAll(page);
            exhausted = page.size() < PAGE;
        }
        if (offset >= loaded.size()) {
            return Stream.empty();
        }
        return loaded.subList(offset, Math.min(loaded.size(), offset + limit)).stream();
    }

    /** The cases in the order the therapist sees them, for next/previous in the case view. */
    List<String> loadedReferences() {
        return loaded.stream().map(QueueRow::reference).toList();
    }
}
