/** The waiting list's entries, held times and offers as stored (JDBC). */
@NullMarked
package app.thaw.waitlist.domain;

import org.jspecify.annotations.NullMarked;
