package pos.api.fuzz;

import java.util.List;

/**
 * What exists before the fuzzing starts: callers of every role (some limited to store A), a category, a product
 * and an order in each of two stores, plus refused credentials of every kind. Generators use these so a request
 * gets past the checks it is not about and is refused by the one it is about.
 */
record Fixtures(
        String admin,
        String adminId,
        String manager,
        String managerStoreA,
        String user,
        String userId,
        String userStoreA,
        String storeA,
        String storeB,
        String categoryId,
        String productId,
        String productSku,
        String orderInStoreA,
        String orderInStoreB,
        List<BadCredential> badCredentials) {

    /**
     * An Authorization header value that must be refused; {@code expectedStatus} is 401, or null where Tomcat
     * itself refuses the header first (too large: 400). {@code bearer} is false for other schemes (Basic), which
     * a public path ignores as it ignores no header at all.
     */
    record BadCredential(String name, String header, Integer expectedStatus, boolean bearer) {

        BadCredential(String name, String header, Integer expectedStatus) {
            this(name, header, expectedStatus, true);
        }
    }
}
