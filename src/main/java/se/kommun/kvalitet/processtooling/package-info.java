/**
 * Tools for process owners and officers: redeploying processes and forms without a rebuild (and, in the
 * local run, on every saved edit), migrating running cases to the latest process version, and the shared
 * Tasklist filters every unit starts with.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Process tooling",
        allowedDependencies = {"organisation", "security", "shared", "slacalendar", "web"})
package se.kommun.kvalitet.processtooling;
