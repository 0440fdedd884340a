package io.ravenwatch.bot.action.failover.step;

import java.util.Set;

/** The role references steps may use instead of a node's name. */
public final class NodeRefs {
  /** The node active before the failover. */
  public static final String PRIMARY = "{{primary}}";

  /** The node the failover makes active. */
  public static final String STANDBY = "{{standby}}";

  private NodeRefs() {}

  /** Whether {@code reference} names a role rather than a node. */
  public static boolean isRole(String reference) {
    return PRIMARY.equals(reference) || STANDBY.equals(reference);
  }

  /** What a valid reference looks like, given the node names. */
  public static String expected(Set<String> nodes) {
    return PRIMARY
        + ", "
        + STANDBY
        + " or a node of this service ("
        + String.join(", ", nodes)
        + ")";
  }
}
