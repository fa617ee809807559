package se.kommun.kvalitet.deviations.record;

/** No deviation has this reference. */
public class DeviationNotFoundException extends RuntimeException {

    public DeviationNotFoundException(String reference) {
        super("No deviation " + reference);
    }
}
