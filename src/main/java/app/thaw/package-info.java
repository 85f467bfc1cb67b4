/**
 * Thaw, an intake and referral application for a couples and individual therapy practice; each sub-package is one
 * feature.
 */
@NullMarked
package app.thaw;

import org.jspecify.annotations.NullMarked;
