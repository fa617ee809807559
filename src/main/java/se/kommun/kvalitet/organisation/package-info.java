/**
 * The municipality's organisation, defined once under {@code kvalitet.organisation}: its units with their
 * officer and manager groups, the process-owner group and the quality group. Everything else derives from it
 * or is checked against it: security creates the Camunda groups and their authorizations from it, the forms
 * get their unit choices from it, and every group a newly deployed BPMN or DMN names must be one of its groups
 * (refused at deployment and at start otherwise, see {@link se.kommun.kvalitet.organisation.ModelGroupCheck}).
 * Public API: {@link se.kommun.kvalitet.organisation.Organisation}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation", allowedDependencies = {})
package se.kommun.kvalitet.organisation;
