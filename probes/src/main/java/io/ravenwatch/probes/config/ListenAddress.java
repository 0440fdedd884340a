package io.ravenwatch.probes.config;

import java.net.InetSocketAddress;
import java.net.URI;

/**
 * The {@code listen: host:port} of Ravenwatch's own HTTP endpoints (health, external alert
 * receiver): {@code 127.0.0.1:9188}, {@code 0.0.0.0:9188}, {@code [::1]:9188}, {@code *:9188} or
 * {@code :9188} (every interface).
 */
public final class ListenAddress {
  private ListenAddress() {}

  /**
   * The address to bind.
   *
   * @throws IllegalArgumentException when {@code listen} is not {@code host:port} with a port from
   *     0 to 65535 and a host that resolves
   */
  public static InetSocketAddress parse(String listen) {
    int colon = listen.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("no port in " + listen);
    }
    String host = listen.substring(0, colon).strip();
    int port;
    try {
      port = Integer.parseInt(listen.substring(colon + 1).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad port in " + listen, e);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range in " + listen);
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.isEmpty() || host.equals("*")) {
      return new InetSocketAddress(port);
    }
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw new IllegalArgumentException("unknown host in " + listen);
    }
    return address;
  }

  /** {@code http://host:port} of a bound address (IPv6 in brackets). */
  public static URI httpUri(InetSocketAddress bound) {
    String host = bound.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + bound.getPort());
  }
}
