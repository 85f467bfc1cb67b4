package app.thaw.caseaccess;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method that takes a case identifier but reveals and changes nothing of the case (say, writing an
 * audit line about it). The reason is printed by the guard test, so every exemption stays visible and reviewed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NotACasePath {

    String value();
}
