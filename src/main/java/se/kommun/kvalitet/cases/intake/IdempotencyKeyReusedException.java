package se.kommun.kvalitet.cases.intake;

/** The same Idempotency-Key came with a different body: a client bug we refuse rather than guess. */
public class IdempotencyKeyReusedException extends RuntimeException {

    IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key already used with another request: " + key);
    }
}
