/** Staff accounts, password links, second factors and recovery codes as stored, with their repositories. */
@NullMarked
package app.thaw.security.domain;

import org.jspecify.annotations.NullMarked;
