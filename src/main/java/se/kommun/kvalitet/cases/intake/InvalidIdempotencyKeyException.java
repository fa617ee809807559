package se.kommun.kvalitet.cases.intake;

public class InvalidIdempotencyKeyException extends RuntimeException {

    public InvalidIdempotencyKeyException() {
        super("Idempotency-Key must be 1-200 characters");
    }
}
