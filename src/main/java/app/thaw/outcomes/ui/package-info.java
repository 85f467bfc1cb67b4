/** The outcome measure screens: a case's measures and chart, the client's form and the outcomes report. */
@NullMarked
package app.thaw.outcomes.ui;

import org.jspecify.annotations.NullMarked;
