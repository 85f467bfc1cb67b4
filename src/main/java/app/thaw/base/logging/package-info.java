/** What the application log may carry: never values people typed or the database holds about them. */
package app.thaw.base.logging;
