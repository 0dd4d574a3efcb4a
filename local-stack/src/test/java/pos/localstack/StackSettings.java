package pos.localstack;

import java.nio.file.Path;
import pos.testing.FreePorts;

/** Local stack settings for a test: every port a free one, two partitions. */
final class StackSettings {

    private StackSettings() {}

    static LocalStackSettings onFreePorts(Path dataDir) {
        return new LocalStackSettings(
                dataDir,
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                FreePorts.next(),
                2);
    }
}
