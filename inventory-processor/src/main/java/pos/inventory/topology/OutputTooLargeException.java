package pos.inventory.topology;

/**
 * A command whose outputs would include a record larger than the broker accepts. Thrown before any state is
 * changed, so the dead-letter handler parks the command and the task goes on; writing the record instead would
 * abort the transaction again and again and stall every store of the partition.
 */
public final class OutputTooLargeException extends RuntimeException {

    public OutputTooLargeException(String message) {
        super(message);
    }
}
