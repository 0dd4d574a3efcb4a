package pos.inventory.domain;

/** Where an order's reservation is in its one-way lifecycle. */
public enum ReservationStatus {
    RESERVED,
    REJECTED,
    RELEASED,
    COMMITTED
}
