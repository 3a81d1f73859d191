/**
 * Relay: masked e-mail addresses between customers and those who answer them, outbound mail through
 * an SMTP server, an SMTP server of its own for the answers, and the customer's stop. Care uses
 * {@link dev.caveat.relay.Mail} and hears {@link dev.caveat.relay.MailReceived} and {@link
 * dev.caveat.relay.MailSettled}.
 */
package dev.caveat.relay;
