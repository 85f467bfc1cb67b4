/** Subject access requests and the parts of an export a clinician withheld. */
@NullMarked
package app.thaw.privacy.domain;

import org.jspecify.annotations.NullMarked;
