package app.thaw.intake.ui;

import app.thaw.base.ui.UrgentHelp;

/** UK urgent-help lines, shown whenever answers suggest someone may not be safe. Never a diagnosis. */
class CrisisLines extends UrgentHelp {

    CrisisLines() {
        super("Some of your answers tell us things are very hard at the moment. This form is not monitored around the "
                        + "clock, so please don't wait for us if you need help now:",
                "We have marked your form as urgent, and a therapist will look at it as soon as the practice is open.");
    }
}
