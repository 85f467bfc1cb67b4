/** Subject access requests and the parts of an export a clinician withheld. */
package app.thaw.privacy.domain;
