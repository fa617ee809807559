/**
 * Kvalitetsutmärkelse and innovationspris (issue 25): a yearly call with categories, weighted criteria and a closing
 * date, the applications to it, the jury's scores per criterion with conflict-of-interest exclusion, the ranking by
 * weighted mean and the public "goda exempel" (docs/utmarkelser.md, ADR 0015). This first part holds the rules as
 * use-case classes without the engine; the process {@code qualityAward}, its pages and tables follow.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Awards",
        allowedDependencies = {"shared"})
package se.kommun.kvalitet.awards;
