/**
 * Care: customers and their linked identities, cases and case numbers, teams, routing, SLAs,
 * replies and notes.
 */
package dev.caveat.care;
