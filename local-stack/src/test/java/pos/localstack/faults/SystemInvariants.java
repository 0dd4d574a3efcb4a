package pos.localstack.faults;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything that must hold after any run, however services crashed: checked by counting and comparing every
 * record and document, never by sampling. Returns the violations, empty when the system is correct.
 */
final class SystemInvariants {

    private SystemInvariants() {}

    static List<String> violations(ObservedState state, ClientLedger ledger) {
        var violations = new ArrayList<String>();
        if (state.deadLetters() > 0) {
            violations.add(state.deadLetters() + " record(s) were dead-lettered");
        }
        new OrderInvariants().check(state, ledger, violations::add);
        new StockInvariants().check(state, ledger, violations::add);
        return violations;
    }
}
