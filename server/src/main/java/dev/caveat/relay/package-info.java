/**
 * Relay: masked e-mail addresses between customers and vendors, outbound and inbound mail, pause
 * and stop.
 */
package dev.caveat.relay;
