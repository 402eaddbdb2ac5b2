package dev.switchboard.acceptance.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Marks a test class that starts a platform of its own ({@link OwnPlatform}): it runs beside the
 * classes on the shared platform instead of after them, since most of its time goes to booting,
 * restarting and waiting for its platform. Such classes take turns among themselves (the lock), so a
 * two-core machine runs at most two platforms under test; the lock also keeps a class's methods on
 * one thread, in their order. See {@code junit-platform.properties}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(PlatformOfItsOwn.LOCK)
public @interface PlatformOfItsOwn {

    String LOCK = "switchboard.platform-of-its-own";
}
