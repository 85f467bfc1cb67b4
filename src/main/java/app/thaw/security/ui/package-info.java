/** Sign-in, second factor, password and staff account screens. */
@NullMarked
package app.thaw.security.ui;

import org.jspecify.annotations.NullMarked;
