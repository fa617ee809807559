/**
 * Open311 GeoReport v2 ({@code /open311/v2}): the open fault-report API that apps such as FixaMinGata already
 * speak. Reports go through the cases module's intake ({@code cases.FaultReports}); client applications hold
 * API keys that administrators create and revoke. docs/open311.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Open311 GeoReport v2",
        allowedDependencies = {"cases", "shared", "web"})
package se.kommun.kvalitet.open311;
