/** The shared layouts, the calm error handler, the not-found page and notifications. */
@NullMarked
package app.thaw.base.ui;

import org.jspecify.annotations.NullMarked;
