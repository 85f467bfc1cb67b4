/**
 * Who may see and act on which case, and what must happen before a session is booked: one policy that every
 * path to a case (screen, job, email, API) applies inside the service doing the work.
 */
@NullMarked
package app.thaw.caseaccess;

import org.jspecify.annotations.NullMarked;
