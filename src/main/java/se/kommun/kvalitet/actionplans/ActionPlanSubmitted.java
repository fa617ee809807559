package se.kommun.kvalitet.actionplans;

/**
 * Published in the transaction that stores a handed-in plan, so that the owner's process continues in it (or the
 * submission is undone with it).
 */
public record ActionPlanSubmitted(long planId, OwnerReference owner) {
}
