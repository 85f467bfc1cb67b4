/** UK GDPR rights kept by the practice: erasure on request, legal holds, and the retention policy with its daily job. */
@NullMarked
package app.thaw.retention;

import org.jspecify.annotations.NullMarked;
