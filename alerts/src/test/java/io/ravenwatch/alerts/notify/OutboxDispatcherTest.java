package io.ravenwatch.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ravenwatch.alerts.api.DeliveryResult;
import io.ravenwatch.alerts.api.Notification;
import io.ravenwatch.alerts.api.Notifier;
import io.ravenwatch.alerts.store.OutboxEntry;
import io.ravenwatch.testkit.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxDispatcherTest {
  private static final Duration FAST_POLL = Duration.ofMillis(20);

  private final MockWebServer server = new MockWebServer();
  private final MutableClock clock = new MutableClock(Notifications.T0);
  private final RecordingStore store = new RecordingStore();
  private final ObjectMapper json = new ObjectMapper();
  private final OkHttpClient http = new OkHttpClient();

  /** Every request the webhook server got: receiver path and outbox id. */
  private final List<Seen> seen = new CopyOnWriteArrayList<>();

  private volatile Function<Seen, MockResponse> answer = s -> ok();
  private OutboxDispatcher dispatcher;

  record Seen(String path, long id, JsonNode body) {}

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            try {
              JsonNode body = json.readTree(request.getBody().utf8());
              Seen s = new Seen(request.getUrl().encodedPath(), body.get("id").asLong(), body);
              seen.add(s);
              return answer.apply(s);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        });
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    if (dispatcher != null) {
      dispatcher.close();
    }
    server.close();
  }

  private static MockResponse ok() {
    return new MockResponse.Builder().code(200).build();
  }

  private static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).build();
  }

  private Notifier webhook(String receiver) {
    var settings =
        new WebhookNotifier.Settings(
            server.url("/" + receiver).toString(), Map.of(), null, Duration.ofSeconds(5));
    return new WebhookNotifier(receiver, settings, http, clock);
  }

  private void startDispatcher(Map<String, Notifier> notifiers, Duration poll) {
    dispatcher =
        new OutboxDispatcher(
            store,
            notifiers,
            clock,
            OutboxDispatcher.Options.STANDARD.withPoll(poll),
            new Random(1));
    dispatcher.start();
  }

  private void startDispatcher(String... receivers) {
    var notifiers = new LinkedHashMap<String, Notifier>();
    for (String r : receivers) {
      notifiers.put(r, webhook(r));
    }
    startDispatcher(notifiers, FAST_POLL);
  }

  private long enqueue(String receiver) {
    long id = store.enqueue(Notifications.firing(receiver)).id();
    if (dispatcher != null) {
      dispatcher.wake();
    }
    return id;
  }

  private OutboxEntry entry(long id) {
    return store.entry(id).orElseThrow();
  }

  private List<Long> idsSeen(String path) {
    return seen.stream().filter(s -> s.path().equals(path)).map(Seen::id).toList();
  }

  @Test
  void deliversStrictlyInOutboxOrderAndRecordsTheMessageIds() {
    answer =
        s -> new MockResponse.Builder().code(200).body("{\"id\":\"m-" + s.id() + "\"}").build();
    for (int i = 0; i < 5; i++) {
      enqueue("ops");
    }

    startDispatcher("ops");

    await().until(() -> entry(5).delivered());
    assertThat(idsSeen("/ops")).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(entry(3).messageId()).isEqualTo("m-3");
    assertThat(entry(3).deliveredAt()).isEqualTo(Notifications.T0);
  }

  @Test
  void receiverDownForAnHourGetsEveryNotificationOnceInOrderWhenBack() {
    answer = s -> status(503);
    enqueue("ops");
    enqueue("ops");
    enqueue("ops");
    startDispatcher("ops");

    // An hour of failed attempts on the fake clock: each retry is due at the stored next attempt.
    var waits = new ArrayList<Duration>();
    Instant downUntil = Notifications.T0.plus(Duration.ofHours(1));
    int attempts = 0;
    boolean back = false;
    while (!back) {
      int expected = ++attempts;
      await().pollInterval(Duration.ofMillis(5)).until(() -> entry(1).attempts() == expected);
      Instant next = entry(1).nextAttempt();
      waits.add(Duration.between(clock.instant(), next));
      back = !next.isBefore(downUntil);
      if (back) {
        answer = s -> ok(); // the receiver is up again for the attempt due next
      }
      clock.set(next);
      dispatcher.wake();
    }
    await().until(() -> entry(3).delivered());

    assertThat(idsSeen("/ops")).hasSize(attempts + 3);
    assertThat(idsSeen("/ops").subList(0, attempts)).containsOnly(1L); // head-of-line blocking
    assertThat(idsSeen("/ops").subList(attempts, attempts + 3)).containsExactly(1L, 2L, 3L);
    assertThat(store.calls().stream().filter(c -> c.startsWith("delivered")))
        .containsExactly("delivered 1", "delivered 2", "delivered 3");
    assertThat(waits.getFirst()).isBetween(Duration.ofMillis(800), Duration.ofMillis(1200));
    assertThat(waits).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(Duration.ofMinutes(5)));
    assertThat(waits.getLast()).isGreaterThanOrEqualTo(Duration.ofMinutes(4));
    assertThat(entry(1).lastError()).isEqualTo("HTTP 503 from ops");
  }

  @Test
  void rejectedNotificationIsSkippedAndDoesNotBlockTheRest() {
    answer = s -> s.id() == 2 ? status(400) : ok();
    enqueue("ops");
    enqueue("ops");
    enqueue("ops");

    startDispatcher("ops");

    await().until(() -> entry(3).delivered());
    assertThat(store.calls()).containsExactly("delivered 1", "rejected 2", "delivered 3");
    assertThat(entry(2).rejectedAt()).isEqualTo(Notifications.T0);
    assertThat(entry(2).lastError()).isEqualTo("HTTP 400 from ops");
    assertThat(idsSeen("/ops")).containsExactly(1L, 2L, 3L);
  }

  @Test
  void tooManyRequestsWaitsAsLongAsRetryAfterSays() {
    AtomicInteger calls = new AtomicInteger();
    answer =
        s ->
            calls.incrementAndGet() == 1
                ? new MockResponse.Builder().code(429).addHeader("Retry-After", "120").build()
                : ok();
    enqueue("ops");
    startDispatcher("ops");

    await().until(() -> entry(1).attempts() == 1);
    assertThat(entry(1).nextAttempt()).isEqualTo(Notifications.T0.plusSeconds(120));

    clock.advance(Duration.ofSeconds(120));
    dispatcher.wake();
    await().until(() -> entry(1).delivered());
    assertThat(idsSeen("/ops")).containsExactly(1L, 1L);
  }

  @Test
  void resolvePassesTheMessageIdOfTheNotificationItAnswers() {
    answer =
        s -> new MockResponse.Builder().code(200).body("{\"id\":\"m-" + s.id() + "\"}").build();
    long first = enqueue("ops");
    store.enqueue(Notifications.notification("ops", Notification.Kind.RESOLVED, first));

    startDispatcher("ops");

    await().until(() -> entry(2).delivered());
    JsonNode resolve = seen.get(1).body();
    assertThat(resolve.get("reply_to").asLong()).isEqualTo(first);
    assertThat(resolve.get("reply_to_message_id").asText()).isEqualTo("m-1");
  }

  @Test
  void wakeDeliversWithoutWaitingForThePoll() {
    startDispatcher(Map.of("ops", webhook("ops")), Duration.ofHours(1));
    await().until(() -> store.pendingReads() > 0); // looked (nothing), now sleeps for its hour

    enqueue("ops"); // wakes the dispatcher

    await().atMost(Duration.ofSeconds(10)).until(() -> entry(1).delivered());
  }

  @Test
  void oneReceiverDownDoesNotHoldUpAnother() {
    answer = s -> s.path().equals("/down") ? status(503) : ok();
    for (int i = 0; i < 3; i++) {
      enqueue("down");
      enqueue("up");
    }

    startDispatcher("down", "up");

    await().until(() -> entry(6).delivered());
    assertThat(idsSeen("/up")).containsExactly(2L, 4L, 6L);
    assertThat(entry(1).delivered()).isFalse();
    assertThat(idsSeen("/down")).containsOnly(1L);
  }

  @Test
  void aNotifierThatThrowsIsRetriedNotFatal() {
    AtomicInteger calls = new AtomicInteger();
    Notifier flaky =
        (n, reply) -> {
          if (calls.incrementAndGet() == 1) {
            throw new IllegalStateException("bug");
          }
          return DeliveryResult.delivered("ok-" + n.id());
        };
    enqueue("flaky");
    startDispatcher(Map.of("flaky", flaky), FAST_POLL);

    await().until(() -> entry(1).attempts() == 1);
    assertThat(entry(1).lastError()).contains("bug");
    clock.set(entry(1).nextAttempt());
    dispatcher.wake();

    await().until(() -> entry(1).delivered());
    assertThat(entry(1).messageId()).isEqualTo("ok-1");
  }

  @Test
  void closeLetsTheDeliveryInProgressFinish() {
    answer =
        s -> new MockResponse.Builder().code(200).headersDelay(300, TimeUnit.MILLISECONDS).build();
    enqueue("ops");
    startDispatcher("ops");
    await().until(() -> !seen.isEmpty());

    dispatcher.close();

    assertThat(store.calls()).containsExactly("delivered 1");
  }
}
