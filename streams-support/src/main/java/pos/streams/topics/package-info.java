/** Declares every topic of the system and its dead-letter topic; Streams does not create its source topics itself. */
package pos.streams.topics;
