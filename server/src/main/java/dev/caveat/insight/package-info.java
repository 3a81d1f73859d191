/** Insight: clusters of the same complaint, spike alerts, dashboards and exports. */
package dev.caveat.insight;
