/** The append-only audit log: every sign-in, every read of clinical content and every change, with who and when. */
package app.thaw.audit;
