/** What the application log may carry: never values people typed or the database holds about them. */
@NullMarked
package app.thaw.base.logging;

import org.jspecify.annotations.NullMarked;
