/** Care events and session notes with their addenda as stored, with their repositories. */
@NullMarked
package app.thaw.care.domain;

import org.jspecify.annotations.NullMarked;
