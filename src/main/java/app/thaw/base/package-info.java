/** Shared building blocks every feature may use: layouts, entity base class, database bootstrap. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@NullMarked
package app.thaw.base;

import org.jspecify.annotations.NullMarked;
