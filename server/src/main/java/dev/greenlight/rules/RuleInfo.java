package dev.greenlight.rules;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's metadata, on the rule's class. The long explanation lives beside it as the resource
 * {@code rules/<code>.md}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {

    /** Stable code, used by {@code # noqa}, configuration and tests: {@code GL006}. */
    String code();

    /** Kebab-case name: {@code await-outside-async}. */
    String name();

    /** One line saying what the rule finds. */
    String summary();

    Severity severity() default Severity.WARNING;

    FixAvailability fix() default FixAvailability.NONE;
}
