package org.tongban.engine.outbox;

/** A way out of the platform (port); adapters in integration/ implement it for each outside system. */
public interface OutboundChannel {

    /** The channel's name as messages address it. */
    String name();

    /**
     * Delivers the message or throws. A {@link PermanentFailure} is not retried (the receiver refused the message
     * itself); any other exception is retried later.
     */
    void send(OutboundMessage message);

    /** The receiver refused this message for good (bad recipient, rejected content). */
    class PermanentFailure extends RuntimeException {

        public PermanentFailure(String message) {
            super(message);
        }
    }
}
