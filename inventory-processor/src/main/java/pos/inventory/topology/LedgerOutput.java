package pos.inventory.topology;

/**
 * One record the store ledger emits, already serialized: the processor measures every output before it changes any
 * state (see {@link OutputTooLargeException}), and the sinks write these bytes as they are.
 */
record LedgerOutput(String topic, byte[] value) {}
