/** Cold start to the first served page and RSS of the production jar, with and without the AOT cache. */
package app.thaw.bench.startup;
