package fi.yhdyspinta.platform.ops;

/** The broker did not answer in time: ops may retry (503 with Retry-After). */
public class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(Throwable cause) {
        super("the broker did not answer in time", cause, false, false);
    }
}
