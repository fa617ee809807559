package se.kommun.kvalitet.awards;

import java.util.stream.Collectors;

/**
 * A jury form refused on completion: the task stays open and nothing is stored (the completion's transaction rolls
 * back); Tasklist shows this message, every error in Swedish.
 */
class AwardTaskRefusal extends RuntimeException {

    AwardTaskRefusal(InvalidAwardInputException refused) {
        super("Rätta och skicka igen: " + refused.errors().stream().map(error -> error.message() + " ["
                + error.field() + " " + error.rule() + "]").collect(Collectors.joining(" ")), refused);
    }

    AwardTaskRefusal(ConflictOfInterestException refused) {
        super("Du har anmält jäv för " + refused.application() + " och kan inte poängsätta den. Ta bort dess rader. "
                + "[conflictOfInterest]", refused);
    }
}
