/** Demo data for local runs (the dev profile; the demo logins also in tests), made through each feature's own API. */
@NullMarked
package app.thaw.dev;

import org.jspecify.annotations.NullMarked;
