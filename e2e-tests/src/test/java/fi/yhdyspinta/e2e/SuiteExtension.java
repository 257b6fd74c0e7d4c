package fi.yhdyspinta.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Starts the {@link Suite} once per test run; JUnit closes it after the last test class. */
public class SuiteExtension implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
            .create(SuiteExtension.class);
    private static volatile Suite suite;

    @Override
    public void beforeAll(ExtensionContext context) {
        suite = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Suite.class, key -> Suite.start(),
                Suite.class);
    }

    static Suite suite() {
        if (suite == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(SuiteExtension.class)");
        }
        return suite;
    }
}
