/** Live heap per signed-in Vaadin session, measured on the production jar. */
package app.thaw.bench.memory;
