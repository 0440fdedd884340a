package io.ravenwatch.alerts.rule.sandbox;

import java.math.MathContext;
import org.apache.commons.jexl3.JexlArithmetic;

/**
 * JEXL's arithmetic with {@code m.field} answered directly: it overloads the property-get operator
 * for the two views a condition reads.
 *
 * <p>Why: JEXL 3.5 remembers, on each syntax node, both what it found for an operator overload and
 * how it read a property, in one slot. For {@code disk.used_percent} the two overwrite each other,
 * so every evaluation looked the property up again by reflection (getter? is-er? {@code
 * get(String)}?) — most of the time a condition took. An overload is found once and stays in the
 * slot.
 */
public final class RuleArithmetic extends JexlArithmetic {

  public RuleArithmetic(boolean strict) {
    super(strict);
  }

  private RuleArithmetic(boolean strict, MathContext context, int scale) {
    super(strict, context, scale);
  }

  /** {@code disk.used_percent}: the point's field, else its tag. */
  public Object propertyGet(PointView point, String name) {
    return point.get(name);
  }

  /** {@code probe.ok}, {@code probe.type}, … */
  public Object propertyGet(ProbeView probe, String name) {
    return probe.get(name);
  }

  @Override
  protected JexlArithmetic createWithOptions(boolean strict, MathContext context, int scale) {
    // Evaluation options derive a new arithmetic: it must keep the overloads.
    return new RuleArithmetic(strict, context, scale);
  }
}
