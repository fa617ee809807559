/** The start page, language switching and RFC 7807 problem responses shared by every controller. */
@org.springframework.modulith.ApplicationModule(displayName = "Web",
        allowedDependencies = {"shared"})
package se.kommun.kvalitet.web;
