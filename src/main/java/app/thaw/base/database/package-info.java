/** The embedded PostgreSQL used when no database address is configured. */
@NullMarked
package app.thaw.base.database;

import org.jspecify.annotations.NullMarked;
