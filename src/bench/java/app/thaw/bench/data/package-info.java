/** The bench data generator: realistic synthetic intakes, review work and diaries, loaded with COPY. */
package app.thaw.bench.data;
