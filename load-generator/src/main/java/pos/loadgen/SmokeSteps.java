package pos.loadgen;

import java.io.PrintStream;
import java.util.function.Supplier;

/** The smoke test's steps: each prints {@code ok} or stops the walk with a clear failure; then the closing count. */
final class SmokeSteps {

    /** A step's check that did not hold; the message says what was expected and what came instead. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    private final PrintStream out;
    private int passed;
    private String current = "";

    SmokeSteps(PrintStream out) {
        this.out = out;
    }

    void header(String text) {
        out.println(text);
    }

    /** A line of detail under the step before. */
    void note(String text) {
        out.println("        " + text);
    }

    /** Runs the walk; true when every step passed. Prints {@code smoke: N passed, M failed} either way. */
    boolean walk(Runnable walk) {
        try {
            walk.run();
            out.printf("smoke: %d passed, 0 failed%n", passed);
            return true;
        } catch (RuntimeException e) {
            out.printf("FAILED  %s%n        %s%n", current, describe(e));
            out.printf("smoke: %d passed, 1 failed%n", passed);
            return false;
        }
    }

    void step(String name, Runnable action) {
        value(name, () -> {
            action.run();
            return null;
        });
    }

    <T> T value(String name, Supplier<T> action) {
        current = name;
        long started = System.nanoTime();
        T result = action.get();
        passed++;
        out.printf("ok      %s (%d ms)%n", name, (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    private static String describe(RuntimeException e) {
        if (e instanceof Failure) {
            return e.getMessage();
        }
        var cause = e.getCause() != null ? e.getCause() : e;
        return e.getMessage() + (cause != e ? " (" + cause.getClass().getSimpleName() + ")" : "");
    }
}
