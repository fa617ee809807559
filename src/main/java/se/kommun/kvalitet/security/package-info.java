/**
 * Who may do what: web security for our pages and API, HTTP Basic on the engine REST API against Camunda's
 * identity, the login throttle per client address, Camunda authorizations per group, demo identities for the
 * local run, and the start guard that keeps published defaults to that local run.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security",
        allowedDependencies = {"organisation", "shared", "web"})
package se.kommun.kvalitet.security;
