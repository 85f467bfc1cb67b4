/**
 * The course of care: what has happened to a client's case, kept as events (submitted, referred, session attended,
 * therapy ended …), the status and the course of care that follow from them, and the therapist's session notes.
 * Review and scheduling report what they do here; later features (outcome measures) build on its events.
 */
@NullMarked
package app.thaw.care;

import org.jspecify.annotations.NullMarked;
