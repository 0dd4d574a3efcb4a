package pos.api.fuzz;

import java.util.Random;
import java.util.function.Function;

/**
 * One generated request and what it must get: always a 4xx problem; {@code expectedStatus}, when not null, that
 * exact status (401 for a refused token, 403 for a role, 413 for an oversized body).
 */
record FuzzCase(String generator, RawHttp.Request request, Integer expectedStatus) {

    /** Makes cases of one kind for one endpoint; {@code weight} is its share of the random draws. */
    record Generator(String name, int weight, Function<Random, FuzzCase> make) {

        FuzzCase next(Random random) {
            return make.apply(random);
        }
    }
}
