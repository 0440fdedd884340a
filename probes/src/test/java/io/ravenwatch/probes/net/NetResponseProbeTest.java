package io.ravenwatch.probes.net;

import static io.ravenwatch.probes.ProbeContexts.context;
import static io.ravenwatch.probes.ProbeContexts.host;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ravenwatch.probes.api.Point;
import io.ravenwatch.probes.api.ProbeResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NetResponseProbeTest {
  private final CopyOnWriteArrayList<Socket> accepted = new CopyOnWriteArrayList<>();
  private ServerSocket server;

  @AfterEach
  void stopServer() throws IOException {
    if (server != null) {
      server.close();
    }
    for (Socket s : accepted) {
      s.close();
    }
  }

  /** A loopback server that answers each line read with {@code reply}, or never when null. */
  private int serve(String reply) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual()
        .start(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket s = server.accept();
                  accepted.add(s);
                  if (reply != null) {
                    var in =
                        new BufferedReader(
                            new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                    in.readLine();
                    OutputStream out = s.getOutputStream();
                    out.write(reply.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                  }
                } catch (IOException e) {
                  return;
                }
              }
            });
    return server.getLocalPort();
  }

  private static ProbeResult probe(NetResponseProbe.Settings settings) throws InterruptedException {
    var target = host("cache1", "127.0.0.1");
    return new NetResponseProbe(target, settings)
        .run(context(target, "net_response", settings, Duration.ofSeconds(2), 0));
  }

  @Test
  void connectsSendsAndFindsTheExpectedString() throws Exception {
    int port = serve("+PONG\r\n");

    ProbeResult result = probe(new NetResponseProbe.Settings(port, "PING\r\n", "PONG", null));

    assertThat(result.status()).isEqualTo(ProbeResult.Status.OK);
    Point p = result.points().getFirst();
    assertThat(p.measurement()).isEqualTo("net_response");
    assertThat(p.tags())
        .containsEntry("server", "127.0.0.1")
        .containsEntry("port", Integer.toString(port))
        .containsEntry("protocol", "tcp")
        .containsEntry("result", "success")
        .containsEntry("source", "cache1")
        .containsEntry("rack", "r1");
    assertThat(p.field("result_code")).isEqualTo(0L);
    assertThat((Double) p.field("response_time")).isGreaterThan(0.0);
  }

  @Test
  void plainConnectSucceedsWithoutSendOrExpect() throws Exception {
    int port = serve(null);

    ProbeResult result = probe(new NetResponseProbe.Settings(port, null, null, null));

    assertThat(result.status()).isEqualTo(ProbeResult.Status.OK);
  }

  @Test
  void refusedPortIsConnectionFailed() throws Exception {
    int port;
    try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }

    ProbeResult result = probe(new NetResponseProbe.Settings(port, null, null, null));

    assertThat(result.status()).isEqualTo(ProbeResult.Status.FAILED);
    assertThat(result.reason()).contains("127.0.0.1:" + port);
    Point p = result.points().getFirst();
    assertThat(p.tag("result")).isEqualTo("connection_failed");
    assertThat(p.field("result_code")).isEqualTo(2L);
    assertThat(p.field("response_time")).isNull();
  }

  @Test
  void answerWithoutTheExpectedStringIsStringMismatch() throws Exception {
    int port = serve("-ERR unknown command\r\n");

    ProbeResult result = probe(new NetResponseProbe.Settings(port, "PING\r\n", "PONG", null));

    assertThat(result.status()).isEqualTo(ProbeResult.Status.FAILED);
    assertThat(result.reason()).contains("does not contain 'PONG'");
    Point p = result.points().getFirst();
    assertThat(p.tag("result")).isEqualTo("string_mismatch");
    assertThat(p.field("result_code")).isEqualTo(4L);
  }

  @Test
  void serverThatNeverAnswersIsReadFailedAfterReadTimeout() throws Exception {
    int port = serve(null);
    var settings = new NetResponseProbe.Settings(port, "PING\r\n", "PONG", Duration.ofMillis(300));

    ProbeResult result = probe(settings);

    assertThat(result.status()).isEqualTo(ProbeResult.Status.FAILED);
    assertThat(result.reason()).contains("within PT0.3S");
    Point p = result.points().getFirst();
    assertThat(p.tag("result")).isEqualTo("read_failed");
    assertThat(p.field("result_code")).isEqualTo(3L);
  }

  @Test
  void retriesAFailedAttemptAndReportsTheLastOutcome() throws Exception {
    int port = serve("-ERR\r\n");
    var target = host("cache1", "127.0.0.1");
    var settings = new NetResponseProbe.Settings(port, "PING\r\n", "PONG", null);

    ProbeResult result =
        new NetResponseProbe(target, settings)
            .run(context(target, "net_response", settings, Duration.ofSeconds(2), 2));

    assertThat(result.status()).isEqualTo(ProbeResult.Status.FAILED);
    assertThat(accepted).hasSize(3);
  }

  @Test
  void interruptWhileWaitingForTheAnswerPropagates() throws Exception {
    int port = serve(null);
    var settings = new NetResponseProbe.Settings(port, "PING\r\n", "PONG", Duration.ofMinutes(1));
    var outcome = new CompletableFuture<Object>();
    Thread run =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    outcome.complete(probe(settings));
                  } catch (InterruptedException e) {
                    outcome.complete(e);
                  }
                });
    await().until(() -> accepted.size() == 1);

    run.interrupt();

    assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
  }

  @Test
  void portOutsideRangeIsAConfigProblem() {
    var problems = new ArrayList<String>();

    new NetResponseProbe.Settings(70000, null, null, null)
        .validate((key, expected, found) -> problems.add(key + ": " + expected));

    assertThat(problems).containsExactly("port: a port from 1 to 65535");
  }
}
