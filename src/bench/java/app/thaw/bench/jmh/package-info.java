/** JMH benchmarks of pure code: scoring, factor rules, answer validation, password hashing. */
package app.thaw.bench.jmh;
