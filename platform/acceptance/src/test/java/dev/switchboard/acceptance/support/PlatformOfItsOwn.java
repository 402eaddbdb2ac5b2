package dev.switchboard.acceptance.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;

/**
 * Marks a test class that starts a platform of its own ({@link OwnPlatform}): it runs beside other
 * classes instead of after them, since most of its time goes to booting, restarting and waiting for
 * its platform. The class holds a lock of its own while it runs, which keeps its methods on one
 * thread, in their order. How many run at once is {@code junit-platform.properties}' parallelism.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(providers = PlatformOfItsOwn.ItsOwnLock.class)
public @interface PlatformOfItsOwn {

    /** One lock per test class. */
    final class ItsOwnLock implements ResourceLocksProvider {

        @Override
        public Set<Lock> provideForClass(Class<?> testClass) {
            return Set.of(new Lock("platform-of-its-own:" + testClass.getName()));
        }
    }
}
