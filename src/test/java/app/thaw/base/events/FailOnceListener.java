package app.thaw.base.events;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/** A test-only after-commit listener that fails the first time it sees an event, like a database blip would. */
@Component
public class FailOnceListener {

    final Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    final List<String> handled = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(ProbeEvent event) {
        if (failedOnce.add(event.key())) {
            throw new IllegalStateException("Failing once on purpose");
        }
        handled.add(event.key());
    }
}
