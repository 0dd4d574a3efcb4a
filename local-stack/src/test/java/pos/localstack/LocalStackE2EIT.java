package pos.localstack;

/** The order journey on the embedded default: KRaft broker and mongo-java-server (H2 file) in this JVM. */
class LocalStackE2EIT extends OrderJourney {

    @Override
    LocalStack startStack(LocalStackSettings settings) throws Exception {
        return LocalStack.start(settings);
    }
}
