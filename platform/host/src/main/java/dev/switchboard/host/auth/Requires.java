package dev.switchboard.host.auth;

import dev.switchboard.core.auth.Permission;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission an operation needs: every operation that is not {@link Public} declares one (on the
 * method, or on its class for all of them), and {@link AuthorizationFilter} checks it before the
 * resource runs. An operation that declares none is refused, never let through.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Requires {

    Permission value();
}
