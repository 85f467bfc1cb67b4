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

    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    private final List<String> handled = new CopyOnWriteArrayList<>();

    /** What it has handled (a method, as the bean is a transactional proxy). */
    public List<String> handled() {
        return List.copyOf(handled);
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(ProbeEvent event) {
        if (failedOnce.add(event.key())) {
            throw new IllegalStateException("Failing once on purpose");
        }
        handled.add(event.key());
    }
}
