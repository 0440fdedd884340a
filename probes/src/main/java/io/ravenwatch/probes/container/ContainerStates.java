package io.ravenwatch.probes.container;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Small conversions of what container engines report, shared by probes and actions. */
public final class ContainerStates {
  private ContainerStates() {}

  /**
   * An engine's timestamp, or null for none: Docker writes {@code 0001-01-01T00:00:00Z} for a
   * container that never started or never finished.
   */
  public static Instant time(String rfc3339) {
    if (rfc3339 == null || rfc3339.isEmpty() || rfc3339.startsWith("0001-")) {
      return null;
    }
    try {
      return Instant.parse(rfc3339);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Nanoseconds since the epoch, as Telegraf writes {@code started_at}. */
  public static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  /**
   * Telegraf's split of an image reference into {@code container_image} and {@code
   * container_version}: {@code registry:5000/app:1.2} → {@code registry:5000/app}, {@code 1.2};
   * without a tag the version is {@code unknown}.
   */
  static String[] splitImage(String image) {
    if (image == null || image.isEmpty()) {
      return new String[] {"", ""};
    }
    String ref = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
    int slash = ref.lastIndexOf('/');
    int colon = ref.lastIndexOf(':');
    if (colon > slash) {
      return new String[] {ref.substring(0, colon), ref.substring(colon + 1)};
    }
    return new String[] {ref, "unknown"};
  }
}
