package app.thaw.privacy;

/** A file to download: its name, media type and bytes. */
public record ExportFile(String fileName, String contentType, byte[] content) {
}
