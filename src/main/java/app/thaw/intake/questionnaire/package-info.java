/** The intake questionnaire as versioned data: its model, loader, answer validation and scoring (pure code). */
@org.springframework.modulith.NamedInterface("questionnaire")
@NullMarked
package app.thaw.intake.questionnaire;

import org.jspecify.annotations.NullMarked;
