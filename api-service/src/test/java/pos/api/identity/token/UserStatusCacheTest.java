package pos.api.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import pos.api.identity.Role;
import pos.api.identity.account.MongoUserAccounts;
import pos.api.identity.account.UserAccount;
import pos.api.identity.token.UserStatusCache.UserStatus;
import pos.testing.MutableClock;

class UserStatusCacheTest {

    private static final Duration TTL = Duration.ofSeconds(5);
    private static final String USER = "64b000000000000000000001";

    private final MongoUserAccounts accounts = mock(MongoUserAccounts.class);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T03:00:00Z"));
    private final UserStatusCache cache = new UserStatusCache(accounts, TTL, clock);
    private final ExecutorService requests = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopRequests() {
        requests.shutdownNow();
    }

    @Test
    void anEntryIsReadOnceAndAgainOnlyAfterItsTtl() {
        when(accounts.findById(USER)).thenReturn(Optional.of(account(true)));

        assertThat(cache.get(USER)).contains(new UserStatus(true, Set.of("user"), Set.of("s1")));
        clock.advance(TTL.minusMillis(1));
        cache.get(USER);
        verify(accounts, times(1)).findById(USER);

        clock.advance(Duration.ofMillis(1));
        when(accounts.findById(USER)).thenReturn(Optional.of(account(false)));
        assertThat(cache.get(USER))
                .hasValueSatisfying(status -> assertThat(status.active()).isFalse());
        verify(accounts, times(2)).findById(USER);
    }

    @Test
    void requestsArrivingWhileTheUserIsReadWaitForThatReadInsteadOfEachReading() throws Exception {
        var read = firstRequestReadingUntilReleased(() -> Optional.of(account(true)));
        var waitingThreads = new ArrayList<Thread>();
        List<Future<Optional<UserStatus>>> others = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            others.add(requests.submit(() -> {
                synchronized (waitingThreads) {
                    waitingThreads.add(Thread.currentThread());
                }
                return cache.get(USER);
            }));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            synchronized (waitingThreads) {
                return waitingThreads.size() == 6
                        && waitingThreads.stream().allMatch(t -> t.getState() == Thread.State.WAITING);
            }
        });

        read.finish().countDown();

        assertThat(read.first().get(10, TimeUnit.SECONDS))
                .hasValueSatisfying(s -> assertThat(s.active()).isTrue());
        for (var other : others) {
            assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo(read.first().get());
        }
        verify(accounts, times(1)).findById(USER);
        assertThat(cache.readsInProgress()).isZero();
    }

    @Test
    void aFailedReadFailsTheRequestsWaitingForItAndTheNextRequestReadsAgain() throws Exception {
        var read = firstRequestReadingUntilReleased(() -> {
            throw new DataAccessResourceFailureException("MongoDB out of reach");
        });
        var waiting = new Thread[1];
        var second = requests.submit(() -> {
            waiting[0] = Thread.currentThread();
            return cache.get(USER);
        });
        await().atMost(Duration.ofSeconds(10))
                .until(() -> waiting[0] != null && waiting[0].getState() == Thread.State.WAITING);

        read.finish().countDown();

        assertThatThrownBy(() -> read.first().get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(DataAccessResourceFailureException.class);
        assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(DataAccessResourceFailureException.class);
        assertThat(cache.readsInProgress()).isZero();

        doReturn(Optional.of(account(true))).when(accounts).findById(USER);
        assertThat(cache.get(USER)).isPresent();
        verify(accounts, times(2)).findById(USER);
    }

    @Test
    void anUnknownUserIsCachedAsAbsent() {
        when(accounts.findById(USER)).thenReturn(Optional.empty());

        assertThat(cache.get(USER)).isEmpty();
        assertThat(cache.get(USER)).isEmpty();
        verify(accounts, times(1)).findById(USER);
    }

    private record HeldRead(Future<Optional<UserStatus>> first, CountDownLatch finish) {}

    /** Starts a first request whose read of the user waits for {@code finish}, then ends with {@code outcome}. */
    private HeldRead firstRequestReadingUntilReleased(Callable<Optional<UserAccount>> outcome)
            throws InterruptedException {
        var readStarted = new CountDownLatch(1);
        var finish = new CountDownLatch(1);
        when(accounts.findById(USER)).thenAnswer(call -> {
            readStarted.countDown();
            assertThat(finish.await(10, TimeUnit.SECONDS)).isTrue();
            return outcome.call();
        });
        var first = requests.submit(() -> cache.get(USER));
        assertThat(readStarted.await(10, TimeUnit.SECONDS)).isTrue();
        return new HeldRead(first, finish);
    }

    private static UserAccount account(boolean active) {
        var at = Instant.parse("2026-01-01T00:00:00Z");
        return new UserAccount(
                USER,
                "Cashier",
                "c@example.com",
                "cashier",
                Role.USER,
                List.of("s1"),
                active,
                at,
                null,
                at,
                null,
                null,
                null);
    }
}
