package app.thaw.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.BoundingBox;

/**
 * A staff page on a phone has nothing cut off sideways: neither the document nor the box around the app layout's
 * content scrolls sideways (on staff pages the document never does, however wide the content: that box scrolls
 * instead), and the controls a test names lie inside the screen. A page that does not fit names the elements
 * sticking out past the screen's edge.
 */
final class PhoneFit {

    private PhoneFit() {
    }

    /**
     * The boxes that scroll the whole page sideways: the document, and every scrolling (or hiding) box around the
     * page's content. On a staff page that is the app layout's content area, which scrolls on its own: there the
     * document itself never scrolls sideways, however wide the content.
     */
    private static final String PAGE_SCROLLERS = """
            () => {
              const parentOf = n => n.assignedSlot || n.parentElement || (n.parentNode && n.parentNode.host) || null;
              const scrollers = [document.scrollingElement];
              const content = document.querySelector('vaadin-app-layout > :not([slot])');
              for (let n = content && parentOf(content); n && n.nodeType === 1; n = parentOf(n)) {
                if (n !== document.documentElement && n !== document.body
                    && getComputedStyle(n).overflowX !== 'visible') {
                  scrollers.push(n);
                }
              }
              return scrollers;
            }""";

    /** True when none of the page's scrollers is wider inside than it is (1 px allowed). */
    private static final String FITS = "() => document.scrollingElement.scrollWidth <= window.innerWidth + 1 && ("
            + PAGE_SCROLLERS + ")().every(s => s.scrollWidth <= s.clientWidth + 1)";

    /** Each of the page's scrollers, and how wide its content is in how wide a box. */
    private static final String SCROLLER_WIDTHS = "() => (" + PAGE_SCROLLERS + """
            )().map(s => (s === document.scrollingElement ? 'the document'
                : s.tagName.toLowerCase() + (s.part && s.part.length ? '::part(' + s.part.value + ')' : '')
                  + (s.getRootNode().host ? ' of ' + s.getRootNode().host.tagName.toLowerCase() : ''))
              + ': ' + s.scrollWidth + ' px wide in ' + (s === document.scrollingElement ? window.innerWidth
                : s.clientWidth) + ' px')""";

    /**
     * The elements past the screen's right (or left) edge that make the page wider than the screen: shown, not fixed,
     * not clipped by a scrolling or hiding box of their own that fits (only the page's scrollers don't count), and
     * innermost (their children fit). Across shadow roots and slots, so a Vaadin component's parts are found too.
     */
    private static final String STICKING_OUT = """
            () => {
              const width = window.innerWidth;
              const pageScrollers = new Set((""" + PAGE_SCROLLERS + """
            )());
              const all = [];
              const collect = node => node.querySelectorAll('*').forEach(e => {
                all.push(e);
                if (e.shadowRoot) {
                  collect(e.shadowRoot);
                }
              });
              collect(document);
              const parentOf = n => n.assignedSlot || n.parentElement || (n.parentNode && n.parentNode.host) || null;
              const outside = e => {
                if (e.getClientRects().length === 0) {
                  return false;
                }
                const r = e.getBoundingClientRect();
                return r.width > 0 && (r.right > width + 1 || r.left < -1);
              };
              const clipped = e => {
                for (let n = parentOf(e); n && n.nodeType === 1; n = parentOf(n)) {
                  const style = getComputedStyle(n);
                  if (style.position === 'fixed') {
                    return true;
                  }
                  if (style.overflowX !== 'visible' && !pageScrollers.has(n) && n !== document.documentElement
                      && n !== document.body) {
                    const r = n.getBoundingClientRect();
                    if (r.right <= width + 1 && r.left >= -1) {
                      return true;
                    }
                  }
                }
                return false;
              };
              const kids = e => [...e.children, ...(e.shadowRoot ? e.shadowRoot.children : [])];
              const over = all.filter(e => outside(e) && getComputedStyle(e).position !== 'fixed' && !clipped(e));
              const set = new Set(over);
              const say = e => {
                const cls = typeof e.className === 'string' && e.className.trim()
                  ? '.' + e.className.trim().split(/\\s+/).join('.') : '';
                const id = e.id ? '#' + e.id : '';
                const part = e.part && e.part.length ? '::part(' + e.part.value + ')' : '';
                const r = e.getBoundingClientRect();
                const text = (e.innerText || e.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 60);
                return `${e.tagName.toLowerCase()}${id}${cls}${part}`
                  + ` [${Math.round(r.left)}–${Math.round(r.right)} px, ${Math.round(r.width)} px wide] "${text}"`;
              };
              return over.filter(e => !kids(e).some(k => set.has(k))).slice(0, 12).map(say);
            }
            """;

    /**
     * The page at this phone width (call after the page's server round trips have settled): the screen is the phone's (not zoomed out to fit something wide), the page does
     * not scroll sideways, neither the document nor the box around the staff pages' content (once the server round
     * trip and the layout have settled), and each control lies inside the screen from 0 to its width. A page that
     * scrolls sideways names the elements sticking out.
     */
    static void assertFits(Page page, String where, int width, Control... controls) {
        String at = where + " at " + width + " px";
        int innerWidth = ((Number) page.evaluate("() => window.innerWidth")).intValue();
        assertEquals(width, innerWidth, at + ": the browser's window is not the phone's width (zoomed out to fit?)");
        try {
            // the grid sizes its columns and the layout wraps after the data arrive: wait for that, not a fixed time
            page.waitForFunction(FITS, null, new Page.WaitForFunctionOptions().setTimeout(5_000));
        } catch (TimeoutError stillWide) {
            @SuppressWarnings("unchecked")
            List<String> scrollers = (List<String>) page.evaluate(SCROLLER_WIDTHS);
            @SuppressWarnings("unchecked")
            List<String> wide = (List<String>) page.evaluate(STICKING_OUT);
            fail(at + ": the page scrolls sideways (" + String.join("; ", scrollers) + "); sticking out:\n  - "
                    + String.join("\n  - ", wide));
        }
        for (Control control : controls) {
            BoundingBox box = control.locator().boundingBox();
            assertNotNull(box, at + ": " + control.what() + " is not on the page");
            assertTrue(box.x >= -1 && box.x + box.width <= width + 1, at + ": " + control.what()
                    + " is cut off, from " + Math.round(box.x) + " to " + Math.round(box.x + box.width)
                    + " px of a " + width + " px screen");
        }
    }

    /**
     * The element shows exactly this text, all of it: every line of the words a person can see lies inside the screen
     * and inside every box around it that would cut it off (a box hiding or scrolling its overflow, an ellipsis, a
     * clamp); words not shown (a closed list, options scrolled out of sight in their list) are not read
     * ({@link TextCutOff}). Call once the element has settled (no animation still moving or scaling it).
     */
    static void assertWholeTextShown(Page page, String where, int width, Locator element, String text) {
        String at = where + " at " + width + " px";
        var shown = read(page, at, width, element);
        assertEquals(text, shown.get("text"), at + ": the words shown");
        assertNothingCut(at, shown);
    }

    /**
     * Nothing the element shows is cut off (as {@link #assertWholeTextShown}, whatever its words: a whole dialog with
     * its fields and lists); returns the words a person can see, in the order of the page.
     */
    static String assertNothingCutOff(Page page, String where, int width, Locator element) {
        String at = where + " at " + width + " px";
        var shown = read(page, at, width, element);
        assertNothingCut(at, shown);
        return (String) shown.get("text");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Page page, String at, int width, Locator element) {
        int innerWidth = ((Number) page.evaluate("() => window.innerWidth")).intValue();
        assertEquals(width, innerWidth, at + ": the browser's window is not the phone's width (zoomed out to fit?)");
        return (Map<String, Object>) element.evaluate(TextCutOff.SCRIPT);
    }

    private static void assertNothingCut(String at, Map<String, Object> shown) {
        assertTrue(((Number) shown.get("lines")).intValue() > 0, at + ": no line of the text is laid out");
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) shown.get("problems");
        if (!problems.isEmpty()) {
            fail(at + ": the text is cut off:\n  - " + String.join("\n  - ", problems));
        }
    }

    /** A control the page is checked for, with the words a failure names it by. */
    record Control(String what, Locator locator) {
    }
}
