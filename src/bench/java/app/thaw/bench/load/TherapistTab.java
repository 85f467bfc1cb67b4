package app.thaw.bench.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** A signed-in therapist's browser tab on the case queue: pages through it and opens cases, as people do. */
public final class TherapistTab {

    private final VaadinClient client;
    private final List<String> references = new ArrayList<>();
    private int grid = -1;
    private int nextRow;
    private int step;

    public TherapistTab(VaadinClient client) {
        this(client, 0);
    }

    /**
     * A tab that starts its round at action {@code offset} (0–3): with many therapists and few actions each in a
     * short step, staggered tabs keep the mix of actions the same at any moment instead of all paging first.
     */
    public TherapistTab(VaadinClient client, int offset) {
        this.client = client;
        this.step = offset % 4;
    }

    public void signInAndOpenQueue(String username, String password, AuthenticatorCodes codes)
            throws IOException, InterruptedException {
        StaffSignIn.signIn(client, username, password, codes);
        client.open("staff");
        onQueue();
    }

    private void onQueue() throws IOException {
        var grids = client.nodes("vaadin-grid");
        if (grids.isEmpty()) {
            throw new IOException("No case queue grid on /staff");
        }
        grid = grids.getLast();
        nextRow = 0;
        collect();
    }

    private void collect() {
        for (JsonNode item : client.gridItems()) {
            String reference = item.path("col1").asString("");
            if (reference.startsWith("THW-") && !references.contains(reference)) {
                references.add(reference);
            }
        }
    }

    /** Closes the tab's UI (the unload beacon), so a finished step's sessions stop holding the server's memory. */
    public void leave() throws IOException, InterruptedException {
        client.leave();
    }

    /** The next step of the round: two pages further down the queue, open a case, back to the queue. */
    public String next() throws IOException, InterruptedException {
        switch (step++ % 4) {
            case 0, 1 -> {
                // like the browser, ask only for rows that exist: back to the top after the last page
                var size = client.property(grid, "size");
                nextRow = size == null || nextRow + 50 >= size.asInt() ? 0 : nextRow + 50;
                client.call(grid, "setViewportRange", nextRow, 50);
                collect();
                return "page queue";
            }
            case 2 -> {
                if (references.isEmpty()) {
                    throw new IOException("No case references seen in the queue");
                }
                client.navigate("staff/cases/" + references.get((step * 7) % references.size()));
                return "open case";
            }
            default -> {
                client.navigate("staff");
                onQueue();
                return "back to queue";
            }
        }
    }
}
