package se.kommun.kvalitet.cases.attachments;

/** A refused upload; the rule is one of name, empty, tooLarge, type, typeMismatch. */
public class InvalidAttachmentException extends RuntimeException {

    private final String rule;

    InvalidAttachmentException(String rule) {
        super("Attachment refused: " + rule);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
