/** The append-only audit log: every sign-in, every read of clinical content and every change, with who and when. */
@NullMarked
package app.thaw.audit;

import org.jspecify.annotations.NullMarked;
