/**
 * Source: the ways posts reach Caveat — connectors that poll or stream, and the push API {@code
 * POST /api/v1/ingest}.
 */
package dev.caveat.source;
