package app.thaw.review.letters;

/** One of the client's own answers quoted in a letter: the question as they were asked it and what they chose or wrote. */
public record ReportedAnswer(String question, String answer) {
}
