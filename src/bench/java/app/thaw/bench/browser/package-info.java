/** What a person waits for in a real browser (Chromium via Playwright) against the production jar: issue 20, point 8. */
package app.thaw.bench.browser;
