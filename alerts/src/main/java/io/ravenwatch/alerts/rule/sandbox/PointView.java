package io.ravenwatch.alerts.rule.sandbox;

import io.ravenwatch.probes.api.Point;

/**
 * A point as a condition sees it: {@code disk.used_percent} reads the field {@code used_percent},
 * or else the tag of that name. Reused from point to point.
 */
public final class PointView {
  private Point point;

  public void set(Point point) {
    this.point = point;
  }

  /** A field's value, else a tag's, else {@code null}; called by JEXL for {@code m.name}. */
  public Object get(String name) {
    Object v = point.fields().get(name);
    return v != null ? v : point.tags().get(name);
  }
}
