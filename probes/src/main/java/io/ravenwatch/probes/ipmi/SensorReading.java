package io.ravenwatch.probes.ipmi;

import io.ravenwatch.probes.ipmi.IpmiProfile.Status;
import java.util.Locale;

/**
 * One sensor as read in one poll, already scaled and normalised.
 *
 * @param name Telegraf-style name: trimmed, lower-cased, spaces replaced by {@code _}
 * @param unit e.g. {@code degrees_c}, {@code rpm}, {@code volts}
 * @param value the scaled reading, or {@code null} when the agent gave none
 * @param status the normalised status with the vendor's word
 * @param entityId the {@code entity_id} tag
 * @param thresholds the profile's fixed limits for this sensor, or {@code null}; written as fields
 *     so dashboards can draw them beside the reading
 */
public record SensorReading(
    String name,
    String unit,
    Double value,
    Status status,
    String entityId,
    IpmiProfile.Thresholds thresholds) {

  /** Telegraf's ipmi_sensor name transform. */
  public static String normaliseName(String raw) {
    return raw.trim().toLowerCase(Locale.ROOT).replace(' ', '_');
  }
}
