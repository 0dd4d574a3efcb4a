package pos.localstack.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Test;

/**
 * Two instances of each processor (same application.id, separate JVMs) share the partitions; mid-load one instance
 * of each is SIGKILLed for good and the other takes its partitions over. Nothing is lost or doubled: the same
 * {@link SystemInvariants} as the crash test.
 */
class ScaleOutIT {

    private static final int PARTITIONS = 4;

    @Test
    void survivorsTakeOverTheKilledInstancesPartitionsWithNothingLostOrDoubled() throws Exception {
        var settings = FaultSettings.fromSystemProperties(Duration.ofSeconds(30));
        try (var run = new FaultRun("scale-out", settings, PARTITIONS);
                var admin = Admin.create(
                        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, run.stack.bootstrapServers()))) {
            var orderA = run.stack.orderProcessor("a");
            var orderB = run.stack.orderProcessor("b");
            var inventoryA = run.stack.inventoryProcessor("a");
            var inventoryB = run.stack.inventoryProcessor("b");
            FaultRun.startAll(inventoryA, inventoryB, orderA, orderB);
            run.stack.startApiInProcess(run.apiPort);
            awaitMembersSharingWork(admin, "order-processor", 2);
            awaitMembersSharingWork(admin, "inventory-processor", 2);
            run.prepareCatalog();

            run.runLoad(List.of(
                    new Chaos.Fault(settings.load().dividedBy(3), orderA, Chaos.Action.KILL),
                    new Chaos.Fault(settings.load().dividedBy(2), inventoryB, Chaos.Action.KILL)));

            awaitMembersSharingWork(admin, "order-processor", 1);
            awaitMembersSharingWork(admin, "inventory-processor", 1);
            assertThat(orderB.isAlive()).as("surviving order-processor").isTrue();
            assertThat(inventoryA.isAlive()).as("surviving inventory-processor").isTrue();
            run.assertInvariantsOnceSettled();
        }
    }

    /** The group has exactly {@code members} members and each of them owns some input partitions. */
    private static void awaitMembersSharingWork(Admin admin, String group, int members) {
        await(group + " with " + members + " working member(s)")
                .atMost(FaultRun.START_TIMEOUT)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    var description = admin.describeConsumerGroups(List.of(group))
                            .all()
                            .get(10, TimeUnit.SECONDS)
                            .get(group);
                    var current = description.members();
                    return current.size() == members
                            && current.stream()
                                    .map(MemberDescription::assignment)
                                    .allMatch(a -> !a.topicPartitions().isEmpty());
                });
    }
}
