package pos.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

class ProductApiIT extends AbstractCatalogIT {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    @Test
    void createsAProductWithASkuFromItsCategoryPrefixAndTheUtcDate() throws Exception {
        String category = createCategory(unique("food"), "fod");
        String before = LocalDate.now(ZoneOffset.UTC).format(DAY);

        var created = post("/products/", """
                {"name": "Burger", "price": "15.00", "cost": "9.00", "unit": "pcs", "category_id": "%s"}""".formatted(category))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(matchesPattern("[0-9a-f]{24}")))
                .andExpect(jsonPath("$.name").value("Burger"))
                .andExpect(jsonPath("$.price").value("15.00"))
                .andExpect(jsonPath("$.cost").value("9.00"))
                .andExpect(jsonPath("$.unit").value("pcs"))
                .andExpect(jsonPath("$.category_id").value(category))
                .andExpect(jsonPath("$.created_at").value(matchesPattern(".*Z")))
                .andExpect(jsonPath("$.updated_at").value(nullValue()))
                .andExpect(jsonPath("$.deleted_at").value(nullValue()))
                .andExpect(jsonPath("$.archived").value(false));
        String after = LocalDate.now(ZoneOffset.UTC).format(DAY);

        String id = idOf(created);
        assertThat(this.<String>read(created, "$._id")).isEqualTo(id);
        assertThat(this.<String>read(created, "$.sku")).matches("FOD-(" + before + "|" + after + ")-[A-Z0-9]{4}");
    }

    @Test
    void usesPrdWithoutACategoryOrWithAnEmptyPrefix() throws Exception {
        var noCategory = post("/products/", "{\"name\": \"Loose\", \"price\": 1}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.category_id").value(nullValue()));
        assertThat(this.<String>read(noCategory, "$.sku")).matches("PRD-\\d{8}-[A-Z0-9]{4}");

        String empty = createCategory(unique("noprefix"), "");
        var emptyPrefix = post("/products/", """
                {"name": "Plain", "price": 1, "category_id": "%s"}""".formatted(empty)).andExpect(status().isOk());
        assertThat(this.<String>read(emptyPrefix, "$.sku")).matches("PRD-\\d{8}-[A-Z0-9]{4}");
    }

    @Test
    void refusesAnUnknownInactiveOrMalformedCategory() throws Exception {
        String inactive = createCategory(unique("inactive"), "IN");
        delete("/categories/" + inactive).andExpect(status().isOk());

        for (String category : List.of(inactive, "0123456789abcdef01234567", "not-an-id")) {
            post("/products/", """
                    {"name": "X", "price": "1", "category_id": "%s"}""".formatted(category))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value("Invalid or inactive category"));
        }
    }

    @Test
    void trimsAndUpperCasesAClientSku() throws Exception {
        String sku = unique(" my-sku.");
        post("/products/", """
                {"name": "Custom", "price": "2", "sku": "%s"}""".formatted(sku))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sku").value(sku.strip().toUpperCase()));
    }

    @Test
    void generatesASkuForAnEmptyOne() throws Exception {
        var created = post("/products/", "{\"name\": \"Empty\", \"price\": \"2\", \"sku\": \"\"}")
                .andExpect(status().isOk());
        assertThat(this.<String>read(created, "$.sku")).startsWith("PRD-");
    }

    @Test
    void refusesADuplicateSkuWhateverItsCase() throws Exception {
        String sku = unique("dup-");
        post("/products/", "{\"name\": \"A\", \"price\": \"2\", \"sku\": \"%s\"}".formatted(sku))
                .andExpect(status().isOk());

        post("/products/", "{\"name\": \"B\", \"price\": \"2\", \"sku\": \"%s\"}".formatted(sku.toUpperCase()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("SKU already exists"));
    }

    @Test
    void keepsTheScaleOfDecimalsAndWritesExponentsPlain() throws Exception {
        post("/products/", "{\"name\": \"S\", \"price\": \"2.5\", \"cost\": 2.50}")
                .andExpect(jsonPath("$.price").value("2.5"))
                .andExpect(jsonPath("$.cost").value("2.50"));
        post("/products/", "{\"name\": \"E\", \"price\": \"1e3\", \"cost\": \" +5. \"}")
                .andExpect(jsonPath("$.price").value("1000"))
                .andExpect(jsonPath("$.cost").value("5"));
        post("/products/", "{\"name\": \"Z\", \"price\": \"2.500\", \"cost\": \"0\"}")
                .andExpect(jsonPath("$.price").value("2.500"))
                .andExpect(jsonPath("$.cost").value("0"));
        post("/products/", "{\"name\": \"Big\", \"price\": \"1234567890123456.99\"}")
                .andExpect(jsonPath("$.price").value("1234567890123456.99"));
    }

    @Test
    void storesMoneyAsDecimal128() throws Exception {
        String id = createProduct("{\"name\": \"Stored\", \"price\": \"3.50\", \"cost\": \"1.20\"}");

        var stored = mongo.findOne(
                Query.query(Criteria.where("_id").is(new ObjectId(id))), Document.class, MongoProducts.COLLECTION);
        assertThat(stored.get("price")).isEqualTo(Decimal128.parse("3.50"));
        assertThat(stored.get("cost")).isEqualTo(Decimal128.parse("1.20"));
        assertThat(stored.get("sku")).isInstanceOf(String.class);
    }

    @Test
    void readsAProductByIdWithAndWithoutTheTrailingSlash() throws Exception {
        String id = createProduct("{\"name\": \"Read\", \"price\": \"1\"}");

        get("/products/" + id)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$._id").value(id));
        get("/products/" + id + "/")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id));
        get("/products/0123456789abcdef01234567")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Product not found"));
    }

    @Test
    void listsByCategoryOldestFirstWithATotalCount() throws Exception {
        String category = createCategory(unique("listed"), "LI");
        var ids = new java.util.ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            ids.add(createProduct(
                    "{\"name\": \"P%d\", \"price\": \"1\", \"category_id\": \"%s\"}".formatted(i, category)));
        }

        var page = get("/products?category_id=" + category + "&skip=1&limit=5")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Total-Count", "3"));
        assertThat(List.<String>copyOf(read(page, "$[*].id"))).containsExactly(ids.get(1), ids.get(2));
    }

    @Test
    void pagesTwentyByDefault() throws Exception {
        get("/products/")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(org.hamcrest.Matchers.lessThanOrEqualTo(20)));
    }

    @Test
    void findsByCaseInsensitivePrefixOfNameOrSku() throws Exception {
        String tag = unique("zq");
        String byName = createProduct("{\"name\": \"%s Latte\", \"price\": \"1\"}".formatted(tag.toUpperCase()));
        String bySku = createProduct("{\"name\": \"Other\", \"price\": \"1\", \"sku\": \"%s-1\"}".formatted(tag));
        createProduct("{\"name\": \"x%s\", \"price\": \"1\"}".formatted(tag));

        var found = get("/products/?q=" + tag).andExpect(header().string("X-Total-Count", "2"));
        assertThat(List.<String>copyOf(read(found, "$[*].id"))).containsExactly(byName, bySku);
        get("/products/?q=" + tag.substring(0, 6).toUpperCase() + "&limit=100")
                .andExpect(jsonPath("$[*].id").value(org.hamcrest.Matchers.hasItems(byName, bySku)));
    }

    @Test
    void treatsTheSearchTextLiterally() throws Exception {
        String tag = unique("lit");
        createProduct("{\"name\": \"%sxb\", \"price\": \"1\"}".formatted(tag));
        String dotted = createProduct("{\"name\": \"%s.b (large)\", \"price\": \"1\"}".formatted(tag));

        var found = get("/products/?q=" + tag + ".b (").andExpect(header().string("X-Total-Count", "1"));
        assertThat(List.<String>copyOf(read(found, "$[*].id"))).containsExactly(dotted);
        get("/products/?q=" + tag + "[").andExpect(status().isOk()).andExpect(header().string("X-Total-Count", "0"));
    }

    @Test
    void patchesOnlyTheFieldsSent() throws Exception {
        String category = createCategory(unique("patch"), "PT");
        String id = createProduct("""
                {"name": "Tea", "price": "2.00", "cost": "1.00", "unit": "cup"}""");

        patch("/products/" + id, """
                {"price": "2.50", "category_id": "%s"}""".formatted(category))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Tea"))
                .andExpect(jsonPath("$.price").value("2.50"))
                .andExpect(jsonPath("$.cost").value("1.00"))
                .andExpect(jsonPath("$.unit").value("cup"))
                .andExpect(jsonPath("$.category_id").value(category))
                .andExpect(jsonPath("$.updated_at").value(matchesPattern(".*Z")));
        patch(
                        "/products/" + id + "/",
                        "{\"name\": \"Green Tea\", \"cost\": null, \"unit\": null, \"category_id\": null}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Green Tea"))
                .andExpect(jsonPath("$.price").value("2.50"))
                .andExpect(jsonPath("$.cost").value(nullValue()))
                .andExpect(jsonPath("$.unit").value(nullValue()))
                .andExpect(jsonPath("$.category_id").value(nullValue()));
        get("/products/?q=green tea&limit=100").andExpect(jsonPath("$[*].id").value(org.hamcrest.Matchers.hasItem(id)));
    }

    @Test
    void refusesPatchesToAnInactiveCategoryOrAnUnknownProduct() throws Exception {
        String inactive = createCategory(unique("patchgone"), "PG");
        delete("/categories/" + inactive).andExpect(status().isOk());
        String id = createProduct("{\"name\": \"Keep\", \"price\": \"2.00\"}");

        patch("/products/" + id, "{\"category_id\": \"%s\"}".formatted(inactive))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Invalid or inactive category"));
        patch("/products/0123456789abcdef01234567", "{\"name\": \"x\"}").andExpect(status().isNotFound());

        get("/products/" + id)
                .andExpect(jsonPath("$.name").value("Keep"))
                .andExpect(jsonPath("$.price").value("2.00"))
                .andExpect(jsonPath("$.category_id").value(nullValue()));
    }

    @Test
    void anEmptyPatchChangesNothing() throws Exception {
        String id = createProduct("{\"name\": \"Same\", \"price\": \"2\"}");

        patch("/products/" + id, "{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.updated_at").value(nullValue()));
    }

    @Test
    void archivesOnDeleteAndHidesFromTheList() throws Exception {
        String tag = unique("arch");
        String id = createProduct("{\"name\": \"%s\", \"price\": \"2\"}".formatted(tag));

        delete("/products/" + id)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$._id").value(id))
                .andExpect(jsonPath("$.archived").value(true))
                .andExpect(jsonPath("$.deleted_at").value(matchesPattern(".*Z")));
        get("/products/" + id)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.archived").value(true));
        get("/products/?q=" + tag).andExpect(header().string("X-Total-Count", "0"));
        delete("/products/" + id + "/")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.archived").value(true));

        patch("/products/" + id, "{\"name\": \"again\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Product is archived"));
        delete("/products/0123456789abcdef01234567").andExpect(status().isNotFound());
    }

    @Test
    void regeneratesTheSkuFromTheCategoryPrefix() throws Exception {
        String category = createCategory(unique("regen"), "RG");
        var created =
                post("/products/", "{\"name\": \"R\", \"price\": \"1\", \"category_id\": \"%s\"}".formatted(category));
        String id = idOf(created);
        String oldSku = read(created, "$.sku");

        var regenerated = post("/products/" + oldSku.toLowerCase() + "/regenerate-sku", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.updated_at").value(matchesPattern(".*Z")));
        String newSku = read(regenerated, "$.sku");
        assertThat(newSku).matches("RG-\\d{8}-[A-Z0-9]{4}").isNotEqualTo(oldSku);
        get("/products/" + id).andExpect(jsonPath("$.sku").value(newSku));
        post("/products/" + oldSku + "/regenerate-sku/", "")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Product not found"));
    }

    @Test
    void regeneratesWithPrdWhenTheCategoryIsGone() throws Exception {
        String category = createCategory(unique("vanish"), "VN");
        String sku = unique("VAN-");
        createProduct("{\"name\": \"V\", \"price\": \"1\", \"sku\": \"%s\", \"category_id\": \"%s\"}"
                .formatted(sku, category));
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(new ObjectId(category))),
                Update.update("active", false),
                MongoCategories.COLLECTION);

        post("/products/" + sku + "/regenerate-sku", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sku").value(matchesPattern("PRD-\\d{8}-[A-Z0-9]{4}")));
    }

    @Test
    void addressesSkusWithDotsAndUnderscoresInThePath() throws Exception {
        String sku = unique("A.B_C-");
        String id = createProduct("{\"name\": \"Dotted\", \"price\": \"1\", \"sku\": \"%s\"}".formatted(sku));

        post("/products/" + sku.toUpperCase() + "/regenerate-sku", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.sku").value(matchesPattern("PRD-\\d{8}-[A-Z0-9]{4}")));
    }

    @Test
    void doesNotRegenerateAnArchivedProduct() throws Exception {
        String sku = unique("ARC-");
        String id = createProduct("{\"name\": \"A\", \"price\": \"1\", \"sku\": \"%s\"}".formatted(sku));
        delete("/products/" + id).andExpect(status().isOk());

        post("/products/" + sku + "/regenerate-sku", "").andExpect(status().isConflict());
        get("/products/" + id)
                .andExpect(jsonPath("$.sku").value(sku.toUpperCase()))
                .andExpect(jsonPath("$.sku").value(not(nullValue())));
    }

    @Test
    void storesSkusUnderAUniqueIndex() {
        assertThat(mongo.indexOps(MongoProducts.COLLECTION).getIndexInfo()).anySatisfy(index -> {
            assertThat(index.isUnique()).isTrue();
            assertThat(index.getIndexFields()).extracting(f -> f.getKey()).containsExactly("sku");
        });
    }
}
