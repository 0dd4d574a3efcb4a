/** Test helpers shared by the modules' tests: plain Java, no Spring, a test-scoped dependency only. */
package pos.testing;
