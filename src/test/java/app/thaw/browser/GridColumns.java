package app.thaw.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * Every grid's headings stand over their own columns: each header cell as wide as the cells under it and at the same
 * place. A column sized in {@code em} is as wide as its font, which is smaller in the header, so every column after
 * it stood a little to the left of its values.
 */
final class GridColumns {

    private static final String MISPLACED_HEADINGS = """
            () => [...document.querySelectorAll('vaadin-grid')].flatMap(grid => {
              const shown = cells => [...cells].filter(cell => cell.getBoundingClientRect().width > 0);
              const head = grid.shadowRoot.querySelector('thead tr');
              const row = [...grid.shadowRoot.querySelectorAll('tbody tr')]
                .find(tr => !tr.hidden && tr.getBoundingClientRect().height > 0);
              if (!head || !row) {
                return [];
              }
              const name = grid.getAttribute('aria-label')
                || grid.shadowRoot.querySelector('table').getAttribute('aria-label') || 'a grid';
              const headings = shown(head.children);
              const values = shown(row.children);
              const label = cell => {
                const slot = cell.querySelector('slot');
                const content = slot && slot.assignedElements()[0];
                return ((content && content.innerText) || '').trim() || '(no heading)';
              };
              return headings.flatMap((heading, i) => {
                const over = heading.getBoundingClientRect();
                const under = values[i] && values[i].getBoundingClientRect();
                return under && (Math.abs(over.left - under.left) > 1 || Math.abs(over.width - under.width) > 1)
                  ? [`${name}: "${label(heading)}" at ${Math.round(over.left)}px, `
                      + `${Math.round(over.width)}px wide, over values at ${Math.round(under.left)}px, `
                      + `${Math.round(under.width)}px wide`]
                  : [];
              });
            })
            """;

    private GridColumns() {
    }

    /** Fails naming each heading that does not stand over its column, on every grid with a row on the page. */
    static void assertHeadingsOverTheirColumns(Page page, String where) {
        @SuppressWarnings("unchecked")
        List<String> misplaced = (List<String>) page.evaluate(MISPLACED_HEADINGS);
        assertEquals(List.of(), misplaced, "headings beside their columns on " + where);
    }

    /**
     * The grid's columns all fit its box: nothing scrolls sideways, so no column a person reads is out of sight. Returns
     * the headings, in order.
     */
    static List<String> assertAllColumnsInSight(Locator grid, String where) {
        @SuppressWarnings("unchecked")
        List<Number> widths = (List<Number>) grid.evaluate("g => { const t = g.shadowRoot.querySelector('#table');"
                + " return [t.scrollWidth, t.clientWidth]; }");
        assertTrue(widths.get(0).doubleValue() <= widths.get(1).doubleValue(), where + ": the grid's row is "
                + widths.get(0) + " px wide in a box of " + widths.get(1) + " px, so it scrolls sideways");
        @SuppressWarnings("unchecked")
        List<String> headings = (List<String>) grid.evaluate("""
                g => [...g.shadowRoot.querySelectorAll('thead th')].filter(th => !th.hidden)
                  .map(th => th.querySelector('slot').assignedElements()[0].textContent.trim())""");
        return headings;
    }
}
