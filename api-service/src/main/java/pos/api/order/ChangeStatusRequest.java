package pos.api.order;

import jakarta.validation.constraints.NotBlank;

/** Body of {@code PATCH /orders/{id}/status}. */
record ChangeStatusRequest(@NotBlank String status) {}
