package se.kommun.kvalitet.modelcheck;

/** One broken rule: where (file, element) and which rule, printed the way a reviewer reads it. */
record Violation(String file, String element, String rule, String message) {

    @Override
    public String toString() {
        return file + ": " + element + ": " + message + " [" + rule + "]";
    }
}
