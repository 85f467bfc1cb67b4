/**
 * The application's edge: which proxies are believed, the one public address every emailed or shown link starts
 * with, the hosts the app answers for, and the headers every response carries.
 */
@NullMarked
package app.thaw.base.web;

import org.jspecify.annotations.NullMarked;
