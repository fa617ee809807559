/**
 * The small shared kernel: the municipality's clock and time zone, and the typed declaration of process variables.
 * Everything else belongs to a feature.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN, allowedDependencies = {})
package se.kommun.kvalitet.shared;
