package io.ravenwatch.alerts.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.ravenwatch.alerts.rule.ConditionCompiler.Mode;
import io.ravenwatch.alerts.rule.function.RuleFunctions;
import io.ravenwatch.alerts.rule.sandbox.EvalContext;
import io.ravenwatch.probes.api.Point;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JEXL-free comparison must answer exactly what JEXL answers, or leave it to JEXL. */
class FastComparisonTest {
  private static final ConditionCompiler COMPILER = new ConditionCompiler(RuleFunctions.standard());
  private static final List<String> OPS = List.of("==", "!=", "<", "<=", ">", ">=");
  private static final List<String> RIGHT =
      List.of("0", "90", "1", "0.5", "90.0", "-1", "2.5e10", "9223372036854775807", "threshold");
  private static final List<Object> VALUES =
      List.of(
          0L,
          1L,
          2L,
          89L,
          90L,
          91L,
          -1L,
          Long.MAX_VALUE,
          Long.MIN_VALUE,
          0.0,
          -0.0,
          0.5,
          89.99,
          90.0,
          90.5,
          -1.0,
          2.5e10,
          1e300,
          "ok",
          "90",
          true,
          false);
  private static final List<Double> THRESHOLDS = List.of(90.0, 0.0, -0.0, 1e300);

  @Test
  void answersLikeJexlOnEveryOperatorLiteralAndValueOrLeavesItToJexl() throws Exception {
    var context = new EvalContext(Map.of());
    var mismatches = new ArrayList<String>();
    int answered = 0;
    for (String op : OPS) {
      for (String right : RIGHT) {
        Condition c = COMPILER.compile("m.f " + op + " " + right, Mode.PROBE_RESULTS);
        assertThat(c.fast()).as("m.f %s %s is a plain comparison", op, right).isNotNull();
        for (Double threshold : THRESHOLDS) {
          for (Object value : VALUES) {
            Point p = Point.builder("m", Instant.EPOCH).field("f", value).build();
            context.point().set(p);
            context.use("m", threshold);
            Boolean fast = c.fast().test(p.field("f"), threshold);
            if (fast == null) {
              continue;
            }
            answered++;
            Object jexl;
            try {
              jexl = c.expression().evaluate(context);
            } catch (RuntimeException e) {
              jexl = e.getClass().getSimpleName();
            }
            if (!fast.equals(jexl)) {
              mismatches.add(
                  "m.f "
                      + op
                      + " "
                      + right
                      + " with f="
                      + value
                      + " (threshold "
                      + threshold
                      + "): fast "
                      + fast
                      + ", JEXL "
                      + jexl);
            }
          }
        }
      }
    }
    assertThat(mismatches).isEmpty();
    assertThat(answered).as("numbers are answered without JEXL").isGreaterThan(1000);
  }

  @Test
  void stringsBooleansAndTagsAreLeftToJexl() {
    var c = new FastComparison("f", FastComparison.Op.NE, 0);
    assertThat(c.test("ok", null)).isNull();
    assertThat(c.test(true, null)).isNull();
    assertThat(new FastComparison("f", FastComparison.Op.GT, null).test(95.0, null))
        .as("threshold unset")
        .isNull();
  }

  @Test
  void onlyPlainComparisonsOfTheConditionsMeasurementAreFast() throws Exception {
    assertThat(COMPILER.compile("net_response.result_code != 0", Mode.PROBE_RESULTS).fast())
        .isEqualTo(new FastComparison("result_code", FastComparison.Op.NE, 0));
    assertThat(COMPILER.compile("disk.used_percent > threshold", Mode.PROBE_RESULTS).fast())
        .isEqualTo(new FastComparison("used_percent", FastComparison.Op.GT, null));
    for (String complex :
        List.of(
            "disk.used_percent > 90 && disk.free < 1000",
            "0 < disk.used_percent",
            "disk.used_percent * 2 > 90",
            "predict_linear(disk.used_percent, 3600) >= 100",
            "ipmi_sensor.status_code != \"ok\"",
            "probe.ok == false")) {
      assertThat(COMPILER.compile(complex, Mode.PROBE_RESULTS).fast()).as(complex).isNull();
    }
  }
}
