/**
 * Who may do what: web security for our pages and API, HTTP Basic on the engine REST API against Camunda's
 * identity, or the municipality's OpenID Connect login and bearer tokens with their groups mapped to ours (Camunda's
 * container-based authentication, ADR 0012), the login throttle per client address, Camunda authorizations per group, demo identities for the
 * local run, and the start guard that keeps published defaults to that local run.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security",
        allowedDependencies = {"organisation", "shared", "web"})
package se.kommun.kvalitet.security;
