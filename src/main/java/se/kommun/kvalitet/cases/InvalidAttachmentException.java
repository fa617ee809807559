package se.kommun.kvalitet.cases;

/** A refused upload; the rule is one of name, empty, tooLarge, type, typeMismatch. */
class InvalidAttachmentException extends RuntimeException {

    private final String rule;

    InvalidAttachmentException(String rule) {
        super("Attachment refused: " + rule);
        this.rule = rule;
    }

    String rule() {
        return rule;
    }
}
