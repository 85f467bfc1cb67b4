/** Shared building blocks every feature may use: layouts, entity base class, database bootstrap. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package app.thaw.base;
