package pos.api.identity.display;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A name for the screen, as the store's staff call it ("Grill", "Pass 2"). */
record PairDisplayRequest(@NotBlank @Size(max = 100) String name) {}
