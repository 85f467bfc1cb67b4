package app.thaw.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Collectors;

import com.microsoft.playwright.Page;

/**
 * WCAG 1.4.10 (reflow) and 1.4.4 (resize text) on a client page: every label, legend, option, hint, message,
 * heading, paragraph, link and button shows all its words. Checked as the page is, then with the text at 200 %
 * (the root font size doubled, which every rem-based size follows, as a browser's text zoom does).
 */
final class Reflow {

    /**
     * Problems on the page as it is now: text whose box (or an ancestor's, across shadow roots, up to its
     * component) is wider than it shows, text cut with an ellipsis, text past the screen's edge, and a page that
     * scrolls sideways.
     */
    private static final String FIND_CLIPPED = """
            () => {
              const problems = [];
              const selector = 'label, legend, [slot=helper], [slot=error-message], vaadin-radio-button, '
                + 'vaadin-checkbox, vaadin-button, h1, h2, h3, p, li, a, dt, dd, .char-count';
              const root = document.querySelector('.public-layout') || document.body;
              const width = document.documentElement.clientWidth;
              const say = el => (el.innerText || el.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 70);
              const parentOf = n => n.assignedSlot || n.parentElement || (n.parentNode && n.parentNode.host) || null;
              for (const el of root.querySelectorAll(selector)) {
                if (el.getClientRects().length === 0 || !say(el) || el.closest('[aria-hidden=true], .hp-field')) {
                  continue;
                }
                const rect = el.getBoundingClientRect();
                if (rect.left < -1 || rect.right > width + 1) {
                  problems.push(`past the screen's edge (${Math.round(rect.left)}–${Math.round(rect.right)} of ${width}px): "${say(el)}"`);
                  continue;
                }
                // a component's own words sit in its shadow root's label part (a button's, an option's)
                const ownLabel = el.shadowRoot && el.shadowRoot.querySelector('[part~="label"]');
                let node = ownLabel || el;
                for (let depth = 0; node && node !== root && depth < 9; depth++, node = parentOf(node)) {
                  if (node.nodeType !== 1 || node.tagName === 'SLOT') {
                    continue;
                  }
                  const style = getComputedStyle(node);
                  const hides = style.overflowX !== 'visible';
                  if (style.textOverflow === 'ellipsis' && hides && style.whiteSpace.includes('nowrap')) {
                    problems.push(`cut with "…" (${node.tagName.toLowerCase()}${node.part && node.part.length ? '::part(' + node.part.value + ')' : ''}): "${say(el)}"`);
                    break;
                  }
                  if (hides && node.clientWidth > 0 && node.scrollWidth > node.clientWidth + 1
                      && !['auto', 'scroll'].includes(style.overflowX)) {
                    problems.push(`clipped, ${node.scrollWidth}px in ${node.clientWidth}px (${node.tagName.toLowerCase()}): "${say(el)}"`);
                    break;
                  }
                  if (depth > 0 && node.tagName.startsWith('VAADIN-') && node.shadowRoot && node !== el) {
                    break;
                  }
                }
              }
              const all = [];
              const collect = node => node.querySelectorAll('*').forEach(e => {
                all.push(e);
                if (e.shadowRoot) {
                  collect(e.shadowRoot);
                }
              });
              collect(root);
              // words past the right edge: a long word that doesn't wrap, or text spilling out of its box
              for (const e of all) {
                for (const n of e.childNodes) {
                  if (n.nodeType === 3 && n.textContent.trim() && !e.closest('.hp-field')) {
                    const range = document.createRange();
                    range.selectNodeContents(n);
                    const r = range.getBoundingClientRect();
                    if (r.width > 0 && (r.right > width + 1 || r.left < -1)) {
                      problems.push(`words past the screen's edge (${Math.round(r.left)}–${Math.round(r.right)} of ${width}px): "${n.textContent.trim().slice(0, 70)}"`);
                    }
                  }
                }
              }
              const sideways = document.documentElement.scrollWidth - document.documentElement.clientWidth;
              if (sideways > 0) {
                const over = e => e.getClientRects().length > 0 && e.getBoundingClientRect().right > width + 1
                    && getComputedStyle(e).position !== 'fixed';
                // the innermost elements that stick out are the ones to fix
                const kids = e => [...e.children, ...(e.shadowRoot ? e.shadowRoot.children : [])];
                const wide = all.filter(e => over(e) && !kids(e).some(over))
                  .map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string'
                    ? '.' + e.className.trim().split(/\s+/).join('.') : '') + ' (' + Math.round(e.getBoundingClientRect().right) + 'px)')
                  .slice(0, 4);
                problems.push(`the page scrolls sideways by ${sideways}px; widest: ${wide.join(', ')}`);
              }
              return [...new Set(problems)];
            }
            """;

    private Reflow() {
    }

    /** Every word visible at this width, at normal and at double text size; fails listing every cut text. */
    static void assertEveryWordVisible(Page page, String where) {
        List<String> normal = clipped(page);
        page.evaluate("() => document.documentElement.style.fontSize = '200%'");
        try {
            page.waitForTimeout(50);
            List<String> doubled = clipped(page);
            if (!normal.isEmpty() || !doubled.isEmpty()) {
                fail("Text cut off on " + where + " at " + page.viewportSize().width + "px wide ("
                        + page.url() + "):\n" + report("as shown", normal) + report("at 200 % text", doubled));
            }
        } finally {
            page.evaluate("() => document.documentElement.style.fontSize = ''");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> clipped(Page page) {
        return (List<String>) page.evaluate(FIND_CLIPPED);
    }

    private static String report(String when, List<String> problems) {
        return problems.isEmpty() ? "" : problems.stream().map(p -> "  - " + when + ": " + p)
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** How many texts were looked at, so a test can show the check isn't vacuous. */
    static int textsChecked(Page page) {
        return ((Number) page.evaluate("""
                () => [...(document.querySelector('.public-layout') || document.body).querySelectorAll(
                  'label, legend, vaadin-radio-button, vaadin-checkbox')].filter(el => el.getClientRects().length > 0)
                  .length""")).intValue();
    }
}
