package app.thaw.browser;

/**
 * The script behind {@link PhoneFit#assertWholeTextShown} and {@link PhoneFit#assertNothingCutOff}: what of an
 * element's words a person can see, line by line, and what cuts any of it off.
 * <ul>
 * <li>Only words a person can see are read: none in a box not drawn (a closed overlay, {@code hidden},
 * {@code display: none}), none under {@code visibility: hidden} or {@code opacity: 0}, none inside a box of a pixel
 * or less that hides its overflow (text kept for screen readers alone).</li>
 * <li>A line is cut off by the screen's edges, and by each box around it, across shadow roots and slots, that hides
 * or scrolls its overflow and that CSS lets clip it: a box in the top layer (an open dialog, popover or select list)
 * or fixed to the screen is cut by nothing outside it but a transformed ancestor (nothing at all for the top layer),
 * and an absolutely placed one by nothing before its positioned ancestor. An ellipsis or a clamp leaves the words
 * laid out past the box, so both count.</li>
 * <li>A list box's options ({@code role="listbox"}) are a list the person scrolls: a line outside the list's own
 * scrolling boxes (up to the popup holding it) is scrolled out of sight, neither read nor cut off.</li>
 * </ul>
 */
final class TextCutOff {

    private TextCutOff() {
    }

    /** Run on the element: its words shown, the number of lines they take, and each line cut off, in words. */
    static final String SCRIPT = """
            element => {
              const width = window.innerWidth;
              const height = window.innerHeight;
              const parentOf = n => n.assignedSlot || n.parentElement || (n.parentNode && n.parentNode.host) || null;
              const name = e => e.tagName.toLowerCase()
                + (e.part && e.part.length ? '::part(' + e.part.value + ')' : '')
                + (typeof e.className === 'string' && e.className.trim()
                  ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                + (e.getRootNode().host ? ' of ' + e.getRootNode().host.tagName.toLowerCase() : '');
              const inTopLayer = e => {
                try {
                  return e.matches(':popover-open, :modal, :fullscreen');
                } catch (unsupported) {
                  return false;
                }
              };
              // the containing block of fixed (and absolute) boxes inside it
              const holdsFixed = s => s.transform !== 'none' || s.perspective !== 'none' || s.filter !== 'none'
                || /paint|layout|strict|content/.test(s.contain) || /transform|perspective|filter/.test(s.willChange);
              const transparent = e => {
                for (let n = e; n && n.nodeType === 1; n = parentOf(n)) {
                  if (getComputedStyle(n).opacity === '0') {
                    return true;
                  }
                }
                return false;
              };
              // the boxes that may cut off a line of this text, innermost first; list: a list box's own scrolling
              const cuttersOf = text => {
                const cutters = [];
                let escaping = null;
                let listAt = -1;
                let popupAt = -1;
                for (let n = parentOf(text); n && n.nodeType === 1 && n !== document.documentElement; n = parentOf(n)) {
                  const style = getComputedStyle(n);
                  const skipped = style.display === 'contents' || (escaping === 'fixed' && !holdsFixed(style))
                    || (escaping === 'absolute' && style.position === 'static' && !holdsFixed(style));
                  // overflow does nothing on an inline box
                  if (!skipped && style.display !== 'inline'
                      && (style.overflowX !== 'visible' || style.overflowY !== 'visible')) {
                    cutters.push({ n, style });
                  }
                  if (listAt < 0 && n.getAttribute('role') === 'listbox') {
                    listAt = cutters.length;
                  }
                  if (skipped) {
                    continue;
                  }
                  escaping = null;
                  const popup = inTopLayer(n) || style.position === 'fixed';
                  if (listAt >= 0 && popupAt < 0 && popup) {
                    popupAt = cutters.length;
                  }
                  if (inTopLayer(n)) {
                    break;
                  }
                  escaping = style.position === 'fixed' || style.position === 'absolute' ? style.position : null;
                }
                const listEnd = listAt < 0 ? 0 : Math.max(listAt, popupAt);
                return cutters.map((c, i) => ({ ...c, list: i < listEnd }));
              };
              const texts = [];
              const collect = node => node.childNodes.forEach(n => {
                if (n.nodeType === 3 && n.textContent.trim()) {
                  texts.push(n);
                } else if (n.nodeType === 1) {
                  collect(n);
                  if (n.shadowRoot) {
                    collect(n.shadowRoot);
                  }
                }
              });
              collect(element);
              if (element.shadowRoot) {
                collect(element.shadowRoot);
              }
              const problems = [];
              const shown = [];
              const round = r => `${Math.round(r.left)}–${Math.round(r.right)} × `
                + `${Math.round(r.top)}–${Math.round(r.bottom)} px`;
              const innerOf = n => {
                const box = n.getBoundingClientRect();
                return { left: box.left + n.clientLeft, right: box.left + n.clientLeft + n.clientWidth,
                  top: box.top + n.clientTop, bottom: box.top + n.clientTop + n.clientHeight };
              };
              const past = (r, c, inner) => (c.style.overflowX !== 'visible'
                  && (r.left < inner.left - 1 || r.right > inner.right + 1))
                || (c.style.overflowY !== 'visible' && (r.top < inner.top - 1 || r.bottom > inner.bottom + 1));
              let lines = 0;
              for (const text of texts) {
                const parent = parentOf(text);
                if (!parent || getComputedStyle(parent).visibility !== 'visible' || transparent(parent)) {
                  continue;
                }
                const cutters = cuttersOf(text);
                if (cutters.some(c => c.n.clientWidth <= 1 || c.n.clientHeight <= 1)) {
                  continue;
                }
                const range = document.createRange();
                range.selectNodeContents(text);
                const words = text.textContent.replace(/\\s+/g, ' ').trim().slice(0, 50);
                let seen = false;
                for (const r of range.getClientRects()) {
                  if (r.width === 0 || cutters.some(c => c.list && past(r, c, innerOf(c.n)))) {
                    continue;
                  }
                  seen = true;
                  lines++;
                  if (r.left < -1 || r.right > width + 1 || r.top < -1 || r.bottom > height + 1) {
                    problems.push(`line ${lines} of "${words}…" at ${round(r)}, `
                      + `past the ${width}×${height} px screen`);
                  }
                  for (const c of cutters.filter(c => !c.list)) {
                    const inner = innerOf(c.n);
                    if (past(r, c, inner)) {
                      problems.push(`line ${lines} of "${words}…" at ${round(r)}, past the edge of ${name(c.n)} `
                        + `(${round(inner)}, overflow ${c.style.overflowX} ${c.style.overflowY}`
                        + `${c.style.textOverflow === 'ellipsis' ? ', ellipsis' : ''})`);
                    }
                  }
                }
                if (seen) {
                  shown.push(text.textContent);
                }
              }
              return { text: shown.join(' ').replace(/\\s+/g, ' ').trim(), lines, problems };
            }
            """;
}
