/**
 * What an identifier names, as a type: an intake, a staff member, a session, a request, an offer, a case reference.
 * Service boundaries take these; entities, repositories and SQL keep the plain columns.
 */
@NullMarked
package app.thaw.base.ids;

import org.jspecify.annotations.NullMarked;
