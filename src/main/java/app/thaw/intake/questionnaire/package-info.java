/** The intake questionnaire as versioned data: its model, loader, answer validation and scoring (pure code). */
@org.springframework.modulith.NamedInterface("questionnaire")
package app.thaw.intake.questionnaire;
