package se.kommun.kvalitet.actionplans;

/** No plan with this id, or (to the public page) no valid link to it: both answer the same. */
public class ActionPlanNotFoundException extends RuntimeException {

    public ActionPlanNotFoundException(long id) {
        super("No action plan " + id);
    }
}
