/** Text helpers for the PDFs the practice prints. */
@NullMarked
package app.thaw.base.pdf;

import org.jspecify.annotations.NullMarked;
