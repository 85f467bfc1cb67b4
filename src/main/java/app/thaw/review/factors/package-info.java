/** Contributing-factor rules read from YAML, checked against the questionnaire, and the suggestions they make. */
@NullMarked
package app.thaw.review.factors;

import org.jspecify.annotations.NullMarked;
