package se.kommun.kvalitet.statistics;

/** A filter the figures cannot be computed for; the message names the parameter and says what is wrong. */
class InvalidStatisticsFilterException extends RuntimeException {

    private final String parameter;

    InvalidStatisticsFilterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
