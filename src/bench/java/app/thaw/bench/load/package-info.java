/** End-to-end load over HTTP with Vaadin's UIDL, and the helpers the memory and startup benchmarks share. */
package app.thaw.bench.load;
