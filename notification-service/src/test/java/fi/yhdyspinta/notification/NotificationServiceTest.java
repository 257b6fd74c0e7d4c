package fi.yhdyspinta.notification;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A test of this service's application on the real infrastructure of the test JVM plus a real SMTP
 * server (one app start for all test classes of the module).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@QuarkusTest
@WithTestResource(value = NotificationInfrastructure.class, scope = TestResourceScope.GLOBAL)
public @interface NotificationServiceTest {
}
