/**
 * Poison records on the processors' input topics go to {@code <topic>.dlq} and processing continues; failures of
 * the infrastructure are retried, never dead-lettered.
 */
package pos.streams.deadletter;
