package pos.api.identity.account;

/** Shared validation patterns of the account requests. */
final class AccountRules {

    /** Bean Validation's @Email alone accepts "alice@localhost"; a POS account wants a routable domain. */
    static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

    static final String ROLE = "admin|manager|user";
    static final String ROLE_MESSAGE = "must be one of admin, manager, user";
    static final String OBJECT_ID = "^[0-9a-fA-F]{24}$";
    static final String OBJECT_ID_MESSAGE = "must be a 24-character hex ObjectId";
    static final String NOT_BLANK = "(?s).*\\S.*";

    private AccountRules() {}
}
