/**
 * Platform: what every module stands on — the database (embedded or external), the clock, and the
 * problem-detail shape of API errors. Shared by all modules.
 */
@org.springframework.modulith.ApplicationModule(
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.caveat.platform;
