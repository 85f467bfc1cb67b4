/**
 * Clients' privacy rights under UK GDPR: finding a client's records and consent, and subject access requests, which
 * the practice manager records and releases and the client's clinician reviews for serious harm before any release.
 */
@NullMarked
package app.thaw.privacy;

import org.jspecify.annotations.NullMarked;
