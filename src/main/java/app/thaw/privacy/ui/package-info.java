/** The privacy screens: subject access, disclosure review, erasure and legal holds. */
@NullMarked
package app.thaw.privacy.ui;

import org.jspecify.annotations.NullMarked;
