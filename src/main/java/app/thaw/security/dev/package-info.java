/** Demo staff accounts and the second-factor hint for local runs only. */
@NullMarked
package app.thaw.security.dev;

import org.jspecify.annotations.NullMarked;
