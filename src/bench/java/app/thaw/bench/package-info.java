/** Benchmarks and the bench data generator (issue 7): run with ./mvnw -Pbench -Dbench=name, never in verify. */
package app.thaw.bench;
