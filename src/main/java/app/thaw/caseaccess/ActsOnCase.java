package app.thaw.caseaccess;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the row of the policy table a public service method performs on the case whose identifier it takes. The
 * guard test calls every such method as the case's therapist, a colleague, a practice manager and someone not
 * signed in, and checks the outcome against that row; a method taking a case identifier without it fails the build.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ActsOnCase {

    CaseOperation value();
}
