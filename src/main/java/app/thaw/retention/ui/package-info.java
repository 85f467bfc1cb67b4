/** The practice settings view and the erasure and legal hold dialogs, which other features' client views may open. */
@org.springframework.modulith.NamedInterface("ui")
@NullMarked
package app.thaw.retention.ui;

import org.jspecify.annotations.NullMarked;
