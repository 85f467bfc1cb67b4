package app.thaw.base.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.SynchronizedRequestHandler;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.communication.UidlRequestHandler;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Each open page (Vaadin UI) keeps its last answer to the browser, so that a message the browser sends again after a
 * dropped connection gets the same answer again. Vaadin keeps it as a {@code String}: a staff page's first answer is
 * 50–60 KB of JSON, and twice that once one character is outside Latin-1 (a client called Wałęsa). Between requests
 * this keeps it deflated instead (about a tenth of the size, whatever the text), and puts it back before Vaadin handles
 * the next message from that page, so a re-sent message is answered exactly as before. Registered ahead of Vaadin's
 * own UIDL handler, which it extends; see docs/performance.md section 5.
 */
@Component
class CompactLastResponses implements VaadinServiceInitListener {

    /** Answers shorter than this stay as they are: deflating them would save little and cost a little time. */
    static final int THRESHOLD = 2048;

    @Override
    public void serviceInit(ServiceInitEvent event) {
        // handlers added here are asked before Vaadin's own, so this one answers every UIDL request
        event.addRequestHandler(new Handler());
    }

    static final class Handler extends UidlRequestHandler {

        @Override
        public Optional<SynchronizedRequestHandler.ResponseWriter> synchronizedHandleRequest(VaadinSession session,
                VaadinRequest request, VaadinResponse response, String requestBody)
                throws IOException {
            UI ui = session.getService().findUI(request);
            if (ui != null) {
                restore(ui);
            }
            try {
                return super.synchronizedHandleRequest(session, request, response, requestBody);
            } finally {
                if (ui != null) {
                    compact(ui);
                }
            }
        }
    }

    /** The deflated last answer of one page, and its length in UTF-8 bytes. */
    static final class Deflated {
        private final byte[] bytes;
        private final int utf8Length;

        private Deflated(byte[] bytes, int utf8Length) {
            this.bytes = bytes;
            this.utf8Length = utf8Length;
        }

        /** Bytes kept for the page's answer. */
        int size() {
            return bytes.length;
        }
    }

    /** Replaces the page's kept answer by its deflated bytes when it is long enough to be worth it. */
    static void compact(UI ui) {
        String last = ui.getInternals().getLastRequestResponse();
        if (last == null || last.length() < THRESHOLD) {
            ComponentUtil.setData(ui, Deflated.class, null);
            return;
        }
        byte[] utf8 = last.getBytes(StandardCharsets.UTF_8);
        var deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(utf8);
            deflater.finish();
            var out = new ByteArrayOutputStream(utf8.length / 6 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            ComponentUtil.setData(ui, Deflated.class, new Deflated(out.toByteArray(), utf8.length));
            ui.getInternals().setLastRequestResponse("");
        } finally {
            deflater.end();
        }
    }

    /** Puts the page's last answer back as Vaadin kept it, if it was deflated. */
    static void restore(UI ui) {
        @Nullable Deflated kept = ComponentUtil.getData(ui, Deflated.class);
        if (kept == null) {
            return;
        }
        var inflater = new Inflater();
        try {
            inflater.setInput(kept.bytes);
            byte[] utf8 = new byte[kept.utf8Length];
            int done = 0;
            while (done < utf8.length && !inflater.finished()) {
                int n = inflater.inflate(utf8, done, utf8.length - done);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                done += n;
            }
            ui.getInternals().setLastRequestResponse(new String(utf8, 0, done, StandardCharsets.UTF_8));
            ComponentUtil.setData(ui, Deflated.class, null);
        } catch (DataFormatException impossible) {
            throw new IllegalStateException("A page's kept answer could not be read back", impossible);
        } finally {
            inflater.end();
        }
    }
}
