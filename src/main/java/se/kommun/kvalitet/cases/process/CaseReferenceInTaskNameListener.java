package se.kommun.kvalitet.cases.process;

import org.springframework.stereotype.Component;
import se.kommun.kvalitet.engine.ReferenceInTaskNameListener;

/**
 * For running cases only: versions of caseHandling deployed before the shared {@code ${referenceInTaskName}} call
 * {@code ${caseReferenceInTaskName}}. Their business key is the case reference, so the shared listener does the
 * same; remove this once no instance of such a version runs ({@code POST /api/admin/migrations/caseHandling}).
 */
@Component("caseReferenceInTaskName")
class CaseReferenceInTaskNameListener extends ReferenceInTaskNameListener {
}
