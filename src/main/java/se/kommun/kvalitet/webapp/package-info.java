/**
 * Swedish for Camunda's webapps (Tasklist, Cockpit, Admin, Welcome): our sv.json files and config.js files
 * that make Swedish the default, served in place of the webjar's (see docs/tasklist-sv.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webapp localisation",
        allowedDependencies = {})
package se.kommun.kvalitet.webapp;
