/** Clients' privacy rights under UK GDPR: finding a client's records, their consent, and subject access exports. */
package app.thaw.privacy;
