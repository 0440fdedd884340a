package io.ravenwatch.alerts.silence;

import io.ravenwatch.alerts.api.Labels;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One label matcher of a silence, as Alertmanager writes them: {@code name=value}, {@code
 * name!=value}, {@code name=~regex}, {@code name!~regex}. A regex matches the whole value.
 *
 * @param name the label
 * @param op how to compare
 * @param value the value or regular expression
 */
public record Matcher(String name, Op op, String value) {

  /** The comparison. */
  public enum Op {
    EQ("="),
    NE("!="),
    RE("=~"),
    NRE("!~");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  public Matcher {
    Objects.requireNonNull(name);
    Objects.requireNonNull(op);
    Objects.requireNonNull(value);
    if (op == Op.RE || op == Op.NRE) {
      Pattern.compile(value); // fail early on a bad expression
    }
  }

  public static Matcher eq(String name, String value) {
    return new Matcher(name, Op.EQ, value);
  }

  /** Whether the labels satisfy this matcher; an absent label has the value "". */
  public boolean matches(Labels labels) {
    String actual = Objects.requireNonNullElse(labels.get(name), "");
    return switch (op) {
      case EQ -> actual.equals(value);
      case NE -> !actual.equals(value);
      case RE -> Pattern.compile(value).matcher(actual).matches();
      case NRE -> !Pattern.compile(value).matcher(actual).matches();
    };
  }

  @Override
  public String toString() {
    return name + op.symbol() + "\"" + value + "\"";
  }
}
