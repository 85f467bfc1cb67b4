package app.thaw.bench.load;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One browser tab speaking Vaadin Flow's protocol as the real client does (and as Vaadin's own Gatling
 * scalability tests do): the page, {@code ?v-r=init} for a UI, then UIDL RPCs carrying the UI's security key,
 * {@code syncId} and {@code clientId}. It keeps the element tags the server sent, to find nodes such as the grid.
 * Not thread-safe: one therapist drives one client.
 */
public final class VaadinClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Flow's feature id of an element's children list (ElementChildrenList). */
    private static final int CHILDREN = 2;

    private final URI base;
    private final HttpClient http;
    private int uiId = -1;
    private String securityKey;
    private int syncId;
    private int clientId;
    private final Map<Integer, String> tags = new HashMap<>();
    private final Map<String, JsonNode> properties = new HashMap<>();
    private final Map<Integer, List<Integer>> children = new HashMap<>();
    private final Map<Integer, List<String>> classes = new HashMap<>();
    private JsonNode lastResponse;

    public VaadinClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public URI base() {
        return base;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String path, Map<String, String> form) throws IOException, InterruptedException {
        var body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * What a browser does on opening a route: the page, then a new UI for it, then navigation to the route.
     * Returns the page's HTML.
     */
    public String open(String route) throws IOException, InterruptedException {
        var page = get("/" + route);
        expect(page, 200, "page " + route);
        var init = get("/?v-r=init&location=" + enc(route) + "&query=&v-sw=1920&v-sh=1080&v-ww=1600&v-wh=900"
                + "&v-tzid=Europe%2FLondon&v-tzo=0&v-rtzo=0&v-dstd=60&v-dston=false&v-curdate="
                + System.currentTimeMillis());
        expect(init, 200, "init " + route);
        JsonNode config = JSON.readTree(init.body()).path("appConfig");
        uiId = config.path("v-uiId").asInt();
        JsonNode uidl = config.path("uidl");
        securityKey = uidl.path("Vaadin-Security-Key").asString();
        syncId = uidl.path("syncId").asInt();
        clientId = 0;
        tags.clear();
        properties.clear();
        children.clear();
        classes.clear();
        remember(uidl);
        navigate(route);
        return page.body();
    }

    /**
     * What the browser sends when the page is left by a full page load (a form post, a changed location): the
     * unload beacon, after which the server closes this UI at once instead of after missed heartbeats.
     */
    public void leave() throws IOException, InterruptedException {
        if (uiId < 0) {
            return;
        }
        Map<String, Object> message = new HashMap<>();
        message.put("csrfToken", securityKey);
        message.put("rpc", List.of());
        message.put("syncId", syncId);
        message.put("clientId", clientId);
        message.put("UNLOAD", true);
        http.send(HttpRequest.newBuilder(base.resolve("/?v-r=uidl&v-uiId=" + uiId)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message))).build(),
                HttpResponse.BodyHandlers.discarding());
        uiId = -1;
    }

    /** Typing into a text field and leaving it: the new value, then the {@code change} event it syncs on. */
    public JsonNode type(int node, String value) throws IOException, InterruptedException {
        return rpc(Map.of("type", "mSync", "node", node, "feature", 1, "property", "value", "value", value),
                Map.of("type", "event", "node", node, "event", "change", "data", Map.of()));
    }

    /** A mouse click on a node, with the event data a click listener asks for. */
    public JsonNode click(int node) throws IOException, InterruptedException {
        Map<String, Object> data = new HashMap<>();
        for (String key : List.of("event.screenX", "event.screenY", "event.clientX", "event.clientY")) {
            data.put(key, 0);
        }
        data.put("event.detail", 1);
        data.put("event.button", 0);
        for (String key : List.of("event.ctrlKey", "event.shiftKey", "event.altKey", "event.metaKey")) {
            data.put(key, false);
        }
        return rpc(Map.of("type", "event", "node", node, "event", "click", "data", data));
    }

    /** A router navigation inside the current UI (a link or the browser's back button). */
    public JsonNode navigate(String route) throws IOException, InterruptedException {
        return rpc(Map.of("type", "event", "node", 1, "event", "ui-navigate", "data", Map.of(
                "route", route, "query", "", "appShellTitle", "", "historyState", Map.of("idx", 0), "trigger", "")));
    }

    /** A call of a {@code @ClientCallable}/published method, e.g. the grid asking for rows. */
    public JsonNode call(int node, String method, Object... args) throws IOException, InterruptedException {
        return rpc(Map.of("type", "publishedEventHandler", "node", node, "templateEventMethodName", method,
                "templateEventMethodArgs", List.of(args), "promise", 0));
    }

    public JsonNode rpc(Object... invocations) throws IOException, InterruptedException {
        Map<String, Object> message = new HashMap<>();
        message.put("csrfToken", securityKey);
        message.put("rpc", List.of(invocations));
        message.put("syncId", syncId);
        message.put("clientId", clientId);
        var response = http.send(HttpRequest.newBuilder(base.resolve("/?v-r=uidl&v-uiId=" + uiId))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message))).build(),
                HttpResponse.BodyHandlers.ofString());
        expect(response, 200, "uidl");
        String body = response.body();
        if (body.startsWith("for(;;);")) {
            body = body.substring("for(;;);".length());
        }
        JsonNode parsed = JSON.readTree(body);
        JsonNode uidl = parsed.isArray() ? parsed.get(0) : parsed;
        if (uidl.has("meta") && (uidl.path("meta").has("sessionExpired") || uidl.path("meta").has("appError"))) {
            throw new IOException("Vaadin says " + uidl.path("meta"));
        }
        if (!uidl.has("syncId")) {
            throw new IOException("No syncId in the answer: " + body.substring(0, Math.min(300, body.length())));
        }
        syncId = uidl.path("syncId").asInt();
        clientId = uidl.path("clientId").asInt(clientId + 1);
        remember(uidl);
        lastResponse = uidl;
        return uidl;
    }

    private void remember(JsonNode uidl) {
        for (JsonNode change : uidl.path("changes")) {
            int node = change.path("node").asInt();
            String key = change.path("key").asString(null);
            if ("tag".equals(key)) {
                tags.put(node, change.path("value").asString());
            } else if (key != null && "put".equals(change.path("type").asString(null)) && change.has("value")) {
                properties.put(node + "/" + key, change.path("value"));
            } else if ("splice".equals(change.path("type").asString(null))) {
                splice(change, node);
            }
        }
    }

    // a list changed: element children come as node ids, a class list as strings
    private void splice(JsonNode change, int node) {
        if (change.has("addNodes") || change.path("feat").asInt() == CHILDREN) {
            var list = children.computeIfAbsent(node, n -> new ArrayList<>());
            int index = Math.min(change.path("index").asInt(), list.size());
            list.subList(index, Math.min(list.size(), index + change.path("remove").asInt(0))).clear();
            List<Integer> added = new ArrayList<>();
            change.path("addNodes").forEach(n -> added.add(n.asInt()));
            list.addAll(index, added);
        } else {
            change.path("add").forEach(value -> {
                if (value.isString()) {
                    classes.computeIfAbsent(node, n -> new ArrayList<>()).add(value.asString());
                }
            });
        }
    }

    /** Nodes that were given this CSS class name, oldest first. */
    public List<Integer> nodesWithClass(String className) {
        return classes.entrySet().stream().filter(e -> e.getValue().contains(className)).map(Map.Entry::getKey)
                .sorted().toList();
    }

    /** The node with this tag whose text (a child text node, as a button's label is) is {@code text}. */
    public java.util.Optional<Integer> nodeWithText(String tag, String text) {
        return nodes(tag).stream().filter(node -> children.getOrDefault(node, List.of()).stream()
                .map(child -> property(child, "text"))
                .anyMatch(value -> value != null && text.equals(value.asString(null)))).findFirst();
    }

    /** Whether the last answer told the browser to go to {@code location} (Page.setLocation). */
    public boolean sentTo(String location) {
        if (lastResponse == null) {
            return false;
        }
        for (JsonNode call : lastResponse.path("execute")) {
            for (JsonNode argument : call) {
                if (location.equals(argument.asString(null))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The last value the server put into a node's property, e.g. a grid's {@code size}. */
    public JsonNode property(int node, String key) {
        return properties.get(node + "/" + key);
    }

    /** Nodes the server created with this tag, oldest first. */
    public List<Integer> nodes(String tag) {
        List<Integer> found = new ArrayList<>();
        tags.forEach((node, t) -> {
            if (t.equals(tag)) {
                found.add(node);
            }
        });
        found.sort(null);
        return found;
    }

    /** Grid rows the last answer carried ($connector.set(index, items, …)): each a map of column values. */
    public List<JsonNode> gridItems() {
        List<JsonNode> items = new ArrayList<>();
        if (lastResponse == null) {
            return items;
        }
        for (JsonNode call : lastResponse.path("execute")) {
            String script = call.get(call.size() - 1).asString("");
            if (script.contains("$connector.set(") && call.size() >= 3 && call.get(2).isArray()) {
                call.get(2).forEach(items::add);
            }
        }
        return items;
    }

    static void expect(HttpResponse<String> response, int status, String what) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException(what + ": HTTP " + response.statusCode() + " "
                    + response.headers().firstValue("Location").orElse(""));
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
