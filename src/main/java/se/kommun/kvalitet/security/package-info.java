/**
 * Who may do what: web security for our pages and API, HTTP Basic on the engine REST API against Camunda's
 * identity, Camunda authorizations per group, demo identities for the local run, and the prod start guard.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security",
        allowedDependencies = {})
package se.kommun.kvalitet.security;
