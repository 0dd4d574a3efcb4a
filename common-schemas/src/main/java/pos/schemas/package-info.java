/**
 * The wire contract between api-service, the processors and downstream systems: topic names, command,
 * event and reply records, and their JSON serdes. Plain Java and Jackson only.
 */
package pos.schemas;
