package org.policytracker.security;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Optional;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.policytracker.system.Message;

/**
 * A password field that must follow {@link PasswordPolicy} (null passes: pair it with {@code @NotNull} where the
 * field is required). The violation carries the policy's message, so the problem says which part of the rule the
 * password broke and what is allowed. The user name is not known here; the resource checks it with
 * {@link PasswordPolicy#require}, after the other fields.
 */
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = AllowedPassword.Check.class)
public @interface AllowedPassword {

    String message() default "{user.password}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<AllowedPassword, String> {

        @Override
        public boolean isValid(String password, ConstraintValidatorContext context) {
            if (password == null) {
                return true;
            }
            Optional<Message> problem = PasswordPolicy.problem(password, null);
            if (problem.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            HibernateConstraintValidatorContext hibernate = context.unwrap(HibernateConstraintValidatorContext.class);
            hibernate.withDynamicPayload(problem.get());
            hibernate.buildConstraintViolationWithTemplate("{" + problem.get().code() + "}").addConstraintViolation();
            return false;
        }
    }
}
