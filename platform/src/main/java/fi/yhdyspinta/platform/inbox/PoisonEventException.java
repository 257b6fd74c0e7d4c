package fi.yhdyspinta.platform.inbox;

/**
 * An event that cannot be processed however often it is retried: it goes to the dead-letter topic
 * with this message as its reason. The message names what is wrong, never a value.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String reason) {
        super(reason, null, false, false);
    }
}
