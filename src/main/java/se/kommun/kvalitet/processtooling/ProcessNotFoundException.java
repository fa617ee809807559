package se.kommun.kvalitet.processtooling;

/** No process definition is deployed under the key. */
class ProcessNotFoundException extends RuntimeException {

    private final String processKey;

    ProcessNotFoundException(String processKey) {
        super("No process definition with key " + processKey);
        this.processKey = processKey;
    }

    String processKey() {
        return processKey;
    }
}
