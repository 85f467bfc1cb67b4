/** The audit log screen. */
@NullMarked
package app.thaw.audit.ui;

import org.jspecify.annotations.NullMarked;
