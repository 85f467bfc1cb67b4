/** Intakes, drafts and couple cases as stored, with their repositories and answer encryption. */
@NullMarked
package app.thaw.intake.domain;

import org.jspecify.annotations.NullMarked;
