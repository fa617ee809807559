/**
 * Kvalitetsutmärkelse and innovationspris (issue 25, docs/utmarkelser.md, ADR 0015): a yearly call with categories,
 * weighted criteria and a closing date (opened by an award administrator, {@code POST /api/awards/calls}), the
 * applications on the public page {@code /utmarkelser} (a draft with a personal link, attachments, a receipt), the
 * process {@code qualityAward} (reminder before the closing date, closing, each jury member's conflicts of interest
 * and scores in Tasklist, the ranking by weighted mean, the chair's proposal, the decision, the outcome e-mails) and
 * the public {@code /goda-exempel}. The rules are use-case classes without the engine; the delegates and task
 * listeners only call them. Everything here is internal to the module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Awards",
        allowedDependencies = {"escalation", "notifications", "organisation", "reference", "shared", "web"})
package se.kommun.kvalitet.awards;
