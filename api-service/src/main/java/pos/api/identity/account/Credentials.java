package pos.api.identity.account;

/** An account with its bcrypt hash, for the login check only; never rendered, and redacted from toString. */
record Credentials(UserAccount account, String passwordHash) {

    @Override
    public String toString() {
        return "Credentials[account=" + account + ", passwordHash=<redacted>]";
    }
}
