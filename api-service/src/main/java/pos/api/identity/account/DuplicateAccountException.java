package pos.api.identity.account;

/** Username or email already taken (compared without regard to case); the message is the original's. */
class DuplicateAccountException extends RuntimeException {

    private final String field;

    public DuplicateAccountException(String field) {
        super("username".equals(field) ? "Username already exists" : "Email already exists");
        this.field = field;
    }

    public String field() {
        return field;
    }
}
