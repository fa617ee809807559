/**
 * One reference-number generator for every kind of matter: {@code PREFIX-YYYY-NNNNNN}, sequential per
 * prefix and year, safe across cluster nodes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reference numbers",
        allowedDependencies = {})
package se.kommun.kvalitet.reference;
