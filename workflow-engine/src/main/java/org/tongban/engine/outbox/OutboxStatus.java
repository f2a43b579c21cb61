package org.tongban.engine.outbox;

/** Where an outbound message stands. */
public enum OutboxStatus {
    /** waiting for its next attempt */
    PENDING,
    /** claimed by a worker; back to the queue when the claim's lease runs out (a crashed worker) */
    SENDING,
    SENT,
    /** given up: refused for good, no such channel, or out of attempts */
    FAILED
}
