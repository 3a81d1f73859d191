/**
 * Market: customers' needs, vendors, offerings, bids, negotiation, deals, the settlement ledger and
 * reviews.
 */
package dev.caveat.market;
