/**
 * The Kafka plumbing both Streams processors share, so they keep only their own topology, domain and topic names.
 * A processor takes all of it with {@code @Import(StreamsSupportConfiguration.class)} and its operations defaults
 * with {@code spring.config.import=classpath:streams-processor.properties}.
 */
package pos.streams;
