package se.kommun.kvalitet.actionplans;

import java.time.LocalDate;

/** The author's answer to the deficiency at {@code position}: what is done, who answers for it, by when. */
public record ProposedMeasure(int position, String measure, String responsible, LocalDate dueOn) {
}
