package app.thaw.review;

import app.thaw.base.ids.IntakeId;

/**
 * A case's records in a standard another clinical system reads, for a transfer of care. The case view offers it when
 * a feature provides it (the FHIR feature does); the provider applies the case-access policy and audits the download.
 */
public interface CaseTransferExport {

    /** A file ready to download. */
    record File(String fileName, String contentType, byte[] content) {
    }

    /** The file for the case with this intake id; refused (as not found) where the therapist may not read it. */
    File download(IntakeId intakeId);

    /** The link's words in the case view. */
    String label();
}
