package fi.yhdyspinta.platform.inbox;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A record whose handler kept failing for an unexpected reason (most likely a bug) after its
 * retries: it goes to the dead-letter topic with reason {@code handler-failed: <exception class>}, to
 * be re-driven once the fault is fixed. The reason names the class only — the failure's message may
 * quote data — and this exception carries no cause, so the dead-letter record gets none either.
 */
public class HandlerFailedException extends RuntimeException {

    public static final String REASON_PREFIX = "handler-failed: ";

    private final String failureClass;

    public HandlerFailedException(Throwable failure) {
        this(tellingClass(failure));
    }

    private HandlerFailedException(String failureClass) {
        super(REASON_PREFIX + failureClass, null, false, false);
        this.failureClass = failureClass;
    }

    /** The class of the failure, under the wrappers that only carry it. */
    public String failureClass() {
        return failureClass;
    }

    static String tellingClass(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; depth < 16 && current.getCause() != null && current.getCause() != current
                && isWrapper(current); depth++) {
            current = current.getCause();
        }
        return current.getClass().getName();
    }

    private static boolean isWrapper(Throwable t) {
        return t instanceof CompletionException || t instanceof ExecutionException
                || t instanceof InvocationTargetException;
    }
}
