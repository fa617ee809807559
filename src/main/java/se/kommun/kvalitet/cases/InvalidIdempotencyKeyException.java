package se.kommun.kvalitet.cases;

class InvalidIdempotencyKeyException extends RuntimeException {

    InvalidIdempotencyKeyException() {
        super("Idempotency-Key must be 1-200 characters");
    }
}
