/** Benchmarks of the real services (review queue, intake submission, booking, free-slot finder) on bench data. */
package app.thaw.bench.service;
