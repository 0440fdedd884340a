package io.ravenwatch.bot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A TCP service on a fixed loopback port that a test can stop and start again. */
final class FlakyService implements AutoCloseable {
  private final int port;
  private volatile ServerSocket socket;

  FlakyService() {
    try (var probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      this.port = probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    start();
  }

  int port() {
    return port;
  }

  synchronized void start() {
    try {
      var s = new ServerSocket();
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
      socket = s;
      Thread.ofVirtual()
          .start(
              () -> {
                while (!s.isClosed()) {
                  try (Socket c = s.accept()) {
                    c.getInputStream().read();
                  } catch (IOException e) {
                    // the probe closed its side, or the service was stopped
                  }
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  synchronized void stop() {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    stop();
  }
}
