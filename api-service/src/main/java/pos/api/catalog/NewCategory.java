package pos.api.catalog;

/** A validated category creation; {@code sentName} is the name as the client wrote it, for messages. */
record NewCategory(String sentName, String name, String displayName, String skuPrefix, String description) {}
