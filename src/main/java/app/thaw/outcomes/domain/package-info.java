/** Measure requests, responses, alerts and episodes as stored (JDBC). */
@NullMarked
package app.thaw.outcomes.domain;

import org.jspecify.annotations.NullMarked;
