package pos.api.catalog;

import java.math.BigDecimal;

/** A validated product creation; {@code sku} is null when one is to be generated. */
record NewProduct(String name, BigDecimal price, BigDecimal cost, String unit, String categoryId, String sku) {}
