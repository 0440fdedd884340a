package io.ravenwatch.probes.api;

/**
 * Receives every probe result the moment it is produced, in-process: the InfluxDB writer and the
 * alert engine are listeners. Called on the probe's virtual thread, so it must be quick and must
 * not block; an exception thrown here is logged and never stops scheduling.
 */
@FunctionalInterface
public interface ResultListener {
  void onResult(ProbeResult result);
}
