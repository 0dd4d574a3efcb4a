package pos.api.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;

class SigningKeySourceTest {

    @TempDir
    Path dir;

    @Test
    void generatesAKeyOnceAndLoadsTheSameKeyAgain() {
        Path keys = dir.resolve("keys");
        SigningKey first = SigningKeySource.load(null, keys);
        SigningKey second = SigningKeySource.load(null, keys);

        assertThat(Files.exists(keys.resolve(SigningKeySource.KEY_FILE))).isTrue();
        assertThat(second.keyId()).isEqualTo(first.keyId());
        assertThat(second.publicKey().getModulus()).isEqualTo(first.publicKey().getModulus());
        assertThat(first.publicKey().getModulus().bitLength()).isEqualTo(2048);
    }

    @Test
    void keepsTheGeneratedKeyReadableByItsOwnerOnly() throws Exception {
        SigningKeySource.load(null, dir);
        Path file = dir.resolve(SigningKeySource.KEY_FILE);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(Files.getPosixFilePermissions(file))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void loadsAConfiguredPkcs8PemKeyInsteadOfGeneratingOne() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        Path pem = dir.resolve("configured.pem");
        Files.writeString(pem, PemKeys.toPem((RSAPrivateKey) pair.getPrivate()));

        SigningKey key = SigningKeySource.load(new FileSystemResource(pem), dir.resolve("unused"));

        assertThat(key.publicKey().getModulus()).isEqualTo(((RSAPublicKey) pair.getPublic()).getModulus());
        assertThat(key.publicJwk().isPrivate()).isFalse();
        assertThat(Files.exists(dir.resolve("unused"))).isFalse();
    }

    @Test
    void refusesAPemThatIsNotPkcs8() throws Exception {
        Path pem = dir.resolve("rsa.pem");
        Files.writeString(pem, "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
        assertThatThrownBy(() -> SigningKeySource.load(new FileSystemResource(pem), dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PKCS#8");
    }

    @Test
    void refusesAMissingConfiguredKey() {
        assertThatThrownBy(() -> SigningKeySource.load(new FileSystemResource(dir.resolve("absent.pem")), dir))
                .hasMessageContaining("Cannot read the JWT signing key");
    }
}
