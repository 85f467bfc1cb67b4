/** UK GDPR rights kept by the practice: erasure on request, legal holds, and the retention policy with its daily job. */
package app.thaw.retention;
