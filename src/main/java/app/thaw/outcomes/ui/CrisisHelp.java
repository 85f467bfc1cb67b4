package app.thaw.outcomes.ui;

import app.thaw.base.ui.UrgentHelp;

/** The intake's UK urgent-help lines, shown at once when a repeat measure's answers take the risk pathway. */
class CrisisHelp extends UrgentHelp {

    CrisisHelp() {
        super("Some of your answers tell us things are very hard at the moment. These questions are not monitored "
                        + "around the clock, so please don't wait for us if you need help now:",
                "We have told your therapist, who will contact you as soon as the practice is open. Your partner is "
                        + "never told about your answers.");
    }
}
