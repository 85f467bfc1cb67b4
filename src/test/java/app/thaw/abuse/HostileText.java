package app.thaw.abuse;

import java.util.Map;

/**
 * What an attacker, a careless paste or a client writing in another script might type. Each entry either
 * must be stored as typed (NFC) and shown as text, or ({@link #UNSTORABLE}) cleaned or refused with a message.
 */
final class HostileText {

    /** One megabyte of text in one field. */
    static final String MEGABYTE = "A".repeat(1024 * 1024);

    /** Short enough for a 200-character field, hostile in what it says. */
    static final Map<String, String> STORED_AS_TYPED = Map.ofEntries(
            Map.entry("script tag", "<script>window.__pwned=1</script>"),
            Map.entry("image onerror", "<img src=x onerror=\"window.__pwned=1\">"),
            Map.entry("javascript URL", "javascript:window.__pwned=1//"),
            Map.entry("template braces", "{{constructor.constructor('window.__pwned=1')()}} ${7*7} #{7*7}"),
            Map.entry("SQL", "Robert'); drop table intake; --"),
            Map.entry("SQL quote", "' or '1'='1"),
            Map.entry("astral planes", "𝄞 𐍈 😀 👩‍👩‍👧‍👦 🏳️‍🌈 \uD83E\uDEE0 𠜎"),
            Map.entry("private use and unassigned", "\uE000\uF8FF \uDB80\uDC00 \uDBFF\uDFFD \u0378 \uFFFF"),
            Map.entry("right to left", "مرحبا بالعالم \u200Fgnp.exe\u200E שלום \u061C"),
            Map.entry("zero width", "Ro\u200Bbin\u200C \u200D\u2060\uFEFFSmith"),
            Map.entry("combining", "Z\u0335\u0321a\u0337l\u0338g\u0335o e\u0301 \u1100\u1161\u11A8"),
            Map.entry("html entities", "&lt;b&gt; &amp; &#60;script&#62; <b>bold</b>"),
            Map.entry("newline-free percent", "%00 %3Cscript%3E \\u0000 \\x00"));

    /**
     * PostgreSQL can't keep these exactly (NUL refused, a lone surrogate becomes '?'). Staff forms refuse them with
     * words; a client's answers have them taken out ({@link #CLEANED}), as a paste's stray bytes carry no meaning.
     */
    static final Map<String, String> UNSTORABLE = Map.of(
            "NUL", "Robin\u0000Smith",
            "bell and escape", "Robin\u0007\u001B[31mSmith",
            "lone high surrogate", "Robin\uD800Smith",
            "lone low surrogate", "Robin\uDC00Smith");

    /** What a client's answer keeps of each {@link #UNSTORABLE} text. */
    static final Map<String, String> CLEANED = Map.of(
            "NUL", "RobinSmith",
            "bell and escape", "Robin[31mSmith",
            "lone high surrogate", "RobinSmith",
            "lone low surrogate", "RobinSmith");

    /**
     * Direction overrides, embeddings and isolates: a name shown reversed ("Rhea idiB perry" for "Rhea yrrep Bidi").
     * A client's answer keeps the letters without them; staff may still type them (they spoof no one but themselves).
     */
    static final Map<String, String> DIRECTION_OVERRIDES = Map.of(
            "Rhea \u202Eyrrep Bidi", "Rhea yrrep Bidi",
            "\u202Egnp.exe\u202C ((1)", "gnp.exe ((1)",
            "\u2067Sam\u2069 \u202Bx\u202C", "Sam x");

    private HostileText() {
    }
}
