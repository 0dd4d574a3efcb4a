package pos.api.identity.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;

/**
 * Where the signing key comes from: a configured PEM file, or else a key generated once and kept in a directory,
 * so a restart (or a second instance sharing the directory) keeps accepting the tokens already handed out.
 */
public final class SigningKeySource {

    static final String KEY_FILE = "jwt-signing-key.pem";
    private static final Logger log = LoggerFactory.getLogger(SigningKeySource.class);

    private SigningKeySource() {}

    public static SigningKey load(Resource privateKeyLocation, Path keyStoreDir) {
        if (privateKeyLocation != null) {
            return fromResource(privateKeyLocation);
        }
        return loadOrGenerate(keyStoreDir);
    }

    static SigningKey fromResource(Resource location) {
        try {
            return PemKeys.fromPem(location.getContentAsString(StandardCharsets.US_ASCII), location.getDescription());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the JWT signing key " + location.getDescription(), e);
        }
    }

    static SigningKey loadOrGenerate(Path dir) {
        Path file = dir.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                generate(dir, file);
            }
            return PemKeys.fromPem(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the JWT signing key in " + dir, e);
        }
    }

    /** Written to a temporary file and moved without replacing, so two instances starting together agree on one key. */
    private static void generate(Path dir, Path file) throws IOException {
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, KEY_FILE, ".tmp");
        try {
            restrictToOwner(temp);
            Files.writeString(temp, PemKeys.toPem(newPrivateKey()), StandardCharsets.US_ASCII);
            Files.move(temp, file);
            log.info("Generated a new JWT signing key in {}", file);
        } catch (FileAlreadyExistsException e) {
            log.info("Another instance generated the JWT signing key in {} first; using it", file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static RSAPrivateKey newPrivateKey() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return (RSAPrivateKey) generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void restrictToOwner(Path path) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
