package io.ravenwatch.alerts.rule;

import io.ravenwatch.alerts.rule.function.RuleFunction;
import io.ravenwatch.alerts.rule.function.RuleFunctions;
import io.ravenwatch.alerts.rule.sandbox.ProbeView;
import io.ravenwatch.alerts.rule.sandbox.RuleArithmetic;
import io.ravenwatch.probes.config.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.introspection.JexlPermissions;
import org.apache.commons.jexl3.parser.ASTFunctionNode;
import org.apache.commons.jexl3.parser.ASTIdentifier;
import org.apache.commons.jexl3.parser.ASTIdentifierAccess;
import org.apache.commons.jexl3.parser.ASTJexlScript;
import org.apache.commons.jexl3.parser.ASTNumberLiteral;
import org.apache.commons.jexl3.parser.ASTReference;
import org.apache.commons.jexl3.parser.ASTStringLiteral;
import org.apache.commons.jexl3.parser.ASTUnaryMinusNode;
import org.apache.commons.jexl3.parser.JexlNode;
import org.apache.commons.jexl3.parser.Parser;
import org.apache.commons.jexl3.parser.StringProvider;

/**
 * Compiles rule conditions with JEXL in a sandbox, and checks them: JEXL's own features refuse
 * {@code new}, loops, assignments, lambdas and method calls; its permissions expose only {@code
 * rule.sandbox}; and a walk of the syntax tree allows nothing but literals, {@code
 * measurement.field} references, operators and registered functions.
 */
final class ConditionCompiler {
  /** An expression language without side effects, loops, object creation or method calls. */
  static final JexlFeatures FEATURES =
      new JexlFeatures()
          .sideEffect(false)
          .sideEffectGlobal(false)
          .loops(false)
          .newInstance(false)
          .lambda(false)
          .fatArrow(false)
          .thinArrow(false)
          .methodCall(false)
          .localVar(false)
          .pragma(false)
          .pragmaAnywhere(false)
          .namespacePragma(false)
          .importPragma(false)
          .annotation(false)
          .script(false)
          .register(false)
          .arrayReferenceExpr(false);

  private static final Set<String> ALLOWED =
      Set.of(
          "ASTJexlScript",
          "ASTOrNode",
          "ASTAndNode",
          "ASTNotNode",
          "ASTEQNode",
          "ASTNENode",
          "ASTEQSNode",
          "ASTNESNode",
          "ASTGTNode",
          "ASTGENode",
          "ASTLTNode",
          "ASTLENode",
          "ASTERNode",
          "ASTNRNode",
          "ASTSWNode",
          "ASTNSWNode",
          "ASTEWNode",
          "ASTNEWNode",
          "ASTAddNode",
          "ASTSubNode",
          "ASTMulNode",
          "ASTDivNode",
          "ASTModNode",
          "ASTUnaryMinusNode",
          "ASTUnaryPlusNode",
          "ASTNumberLiteral",
          "ASTStringLiteral",
          "ASTTrueNode",
          "ASTFalseNode",
          "ASTNullLiteral",
          "ASTArrayLiteral",
          "ASTTernaryNode",
          "ASTReferenceExpression",
          "ASTSizeFunction",
          "ASTEmptyFunction",
          "ASTArguments");

  private static final Set<String> COMPARISONS =
      Set.of(
          "ASTEQNode",
          "ASTNENode",
          "ASTEQSNode",
          "ASTNESNode",
          "ASTGTNode",
          "ASTGENode",
          "ASTLTNode",
          "ASTLENode");

  private final RuleFunctions functions;
  private final JexlEngine engine;

  ConditionCompiler(RuleFunctions functions) {
    this.functions = functions;
    this.engine =
        new JexlBuilder()
            .features(FEATURES)
            .permissions(JexlPermissions.parse("io.ravenwatch.alerts.rule.sandbox.*"))
            .strict(true)
            .silent(false)
            .safe(false)
            .antish(false)
            .arithmetic(new RuleArithmetic(true))
            // JEXL keeps what it resolved (an operator, a property) on the syntax node only when
            // the engine has a cache; without one it resolves again on every evaluation.
            .cache(1024)
            .create();
  }

  /** What kind of rule a condition belongs to. */
  enum Mode {
    /** Reads {@code measurement.field} of probe results (and {@code probe.*}). */
    PROBE_RESULTS,
    /** Reads the columns of a query's rows by their bare names. */
    QUERY
  }

  /** A problem with a condition, phrased as what was expected. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String expected) {
      super(expected, null, false, false);
    }
  }

  /**
   * Compiles and checks a condition.
   *
   * @param valueSource the rule's {@code value:} expression, or {@code null}
   * @throws Invalid with what was expected
   */
  Condition compile(String source, Mode mode) throws Invalid {
    JexlExpression expression = jexl(source, "a valid condition");
    var walk = new Walk(mode);
    ASTJexlScript tree = parse(source);
    walk.visit(tree, false);
    if (walk.problem != null) {
      throw new Invalid(walk.problem);
    }
    String measurement = null;
    if (mode == Mode.PROBE_RESULTS) {
      var measurements = new TreeSet<String>();
      walk.refs.forEach(r -> measurements.add(r.get(0)));
      boolean probe = measurements.remove("probe");
      if (measurements.size() > 1) {
        throw new Invalid(
            "a condition on one measurement (it names "
                + measurements.size()
                + ": "
                + String.join(", ", measurements)
                + ")");
      }
      if (measurements.isEmpty() && !probe) {
        throw new Invalid(
            "a condition on one measurement, as in disk.used_percent > 90 (it names none)");
      }
      measurement = measurements.isEmpty() ? null : measurements.first();
    }
    var fields = new LinkedHashSet<String>();
    for (List<String> r : walk.refs) {
      if (r.get(0).equals("probe")) {
        if (!ProbeView.FIELDS.contains(r.get(1))) {
          throw new Invalid(
              "a field of probe: "
                  + String.join(", ", new TreeSet<>(ProbeView.FIELDS))
                  + " (not "
                  + r.get(1)
                  + Suggestions.didYouMean(r.get(1), ProbeView.FIELDS)
                  + ")");
        }
      } else {
        fields.add(r.get(1));
      }
    }
    return new Condition(
        source,
        expression,
        measurement,
        List.copyOf(fields),
        walk.refs.stream().anyMatch(r -> r.get(0).equals("probe")),
        walk.names.contains("threshold"),
        walk.value == null ? new Condition.NoValue() : walk.value,
        Map.copyOf(walk.historyFields),
        walk.probeType,
        Set.copyOf(walk.names),
        mode == Mode.PROBE_RESULTS ? fastComparison(tree, measurement) : null);
  }

  private static final Map<String, FastComparison.Op> FAST_OPS =
      Map.of(
          "ASTEQNode", FastComparison.Op.EQ,
          "ASTNENode", FastComparison.Op.NE,
          "ASTLTNode", FastComparison.Op.LT,
          "ASTLENode", FastComparison.Op.LE,
          "ASTGTNode", FastComparison.Op.GT,
          "ASTGENode", FastComparison.Op.GE);

  /**
   * The condition as {@code measurement.field OP number|threshold}, when it is exactly that; else
   * null (JEXL evaluates it every time).
   */
  private static FastComparison fastComparison(ASTJexlScript tree, String measurement) {
    if (measurement == null || tree.jjtGetNumChildren() != 1) {
      return null;
    }
    JexlNode comparison = tree.jjtGetChild(0);
    FastComparison.Op op = FAST_OPS.get(comparison.getClass().getSimpleName());
    if (op == null || comparison.jjtGetNumChildren() != 2) {
      return null;
    }
    List<String> ref = comparison.jjtGetChild(0) instanceof ASTReference r ? refOf(r) : null;
    if (ref == null || !ref.get(0).equals(measurement)) {
      return null;
    }
    JexlNode right = comparison.jjtGetChild(1);
    if (right instanceof ASTNumberLiteral n) {
      return new FastComparison(ref.get(1), op, n.getLiteral());
    }
    if (right instanceof ASTUnaryMinusNode minus
        && minus.jjtGetNumChildren() == 1
        && minus.jjtGetChild(0) instanceof ASTNumberLiteral n) {
      Number negated =
          switch (n.getLiteral()) {
            case Integer i when i != Integer.MIN_VALUE -> -i;
            case Long l when l != Long.MIN_VALUE -> -l;
            case Double d -> -d;
            default -> null;
          };
      return negated == null ? null : new FastComparison(ref.get(1), op, negated);
    }
    if (right instanceof ASTIdentifier id && id.getName().equals("threshold")) {
      return new FastComparison(ref.get(1), op, null);
    }
    return null;
  }

  /**
   * Compiles a rule's {@code value:} expression, which must read only what its condition reads.
   *
   * @throws Invalid with what was expected
   */
  Condition.ValueSource compileValue(String source, Condition condition, Mode mode) throws Invalid {
    JexlExpression expression = jexl(source, "a valid value expression");
    var walk = new Walk(mode);
    walk.visit(parse(source), false);
    if (walk.problem != null) {
      throw new Invalid(walk.problem);
    }
    for (List<String> r : walk.refs) {
      if (!r.get(0).equals("probe") && !r.get(0).equals(condition.measurement())) {
        throw new Invalid(
            "a value of the condition's measurement "
                + condition.measurement()
                + " (not "
                + r.get(0)
                + ")");
      }
    }
    if (!walk.historyFields.isEmpty()) {
      throw new Invalid("a value expression without history functions (call them in condition)");
    }
    return new Condition.ExpressionValue(expression);
  }

  private JexlExpression jexl(String source, String what) throws Invalid {
    try {
      return engine.createExpression(source);
    } catch (JexlException e) {
      String message = String.valueOf(e.getMessage());
      int at = message.indexOf('@');
      String detail = at >= 0 ? message.substring(at + 1) : message;
      throw new Invalid(what + " (at " + detail.replaceFirst(" ", ": ") + ")");
    }
  }

  private static ASTJexlScript parse(String source) {
    return new Parser(new StringProvider(source)).parse(null, FEATURES, source, null);
  }

  /** One pass over the syntax tree, collecting references and the first problem. */
  private final class Walk {
    final Mode mode;
    final List<List<String>> refs = new ArrayList<>();
    final Set<String> names = new LinkedHashSet<>();
    final Map<String, String> historyFields = new LinkedHashMap<>();
    Condition.ValueSource value;
    String probeType;
    String problem;

    Walk(Mode mode) {
      this.mode = mode;
    }

    void visit(JexlNode node, boolean inComparison) {
      if (problem != null) {
        return;
      }
      String kind = node.getClass().getSimpleName();
      if (node instanceof ASTJexlScript && node.jjtGetNumChildren() == 1) {
        probeType = probeTypeOf(node.jjtGetChild(0));
      }
      if (COMPARISONS.contains(kind) && value == null) {
        value = valueOf(node.jjtGetChild(0));
      }
      switch (node) {
        case ASTReference r -> reference(r);
        case ASTIdentifier id -> name(id.getName());
        case ASTFunctionNode f -> function(f);
        default -> {
          if (!ALLOWED.contains(kind)) {
            problem =
                "a condition of comparisons, arithmetic, &&, ||, ! and function calls ("
                    + kind.replace("AST", "").replace("Node", "")
                    + " is not allowed)";
            return;
          }
          for (int i = 0; i < node.jjtGetNumChildren(); i++) {
            visit(node.jjtGetChild(i), inComparison);
          }
        }
      }
    }

    private void reference(ASTReference r) {
      List<String> ref = refOf(r);
      if (ref != null) {
        if (mode == Mode.QUERY) {
          problem =
              "result columns by name, as in value > 90 (not "
                  + String.join(".", ref)
                  + ": a query rule reads its query's rows)";
        } else {
          refs.add(ref);
        }
        return;
      }
      if (r.jjtGetNumChildren() == 1) {
        visit(r.jjtGetChild(0), false);
        return;
      }
      problem = "references like measurement.field (deeper paths and indexing are not allowed)";
    }

    private void name(String name) {
      if (mode == Mode.QUERY || name.equals("threshold")) {
        names.add(name);
        return;
      }
      problem =
          "references like measurement.field ("
              + name
              + " alone is not one; threshold is the only bare name)";
    }

    private void function(ASTFunctionNode f) {
      var id = (ASTIdentifier) f.jjtGetChild(0);
      String name = id.getName();
      RuleFunction fn = functions.find(name).orElse(null);
      if (id.getNamespace() != null || fn == null) {
        problem =
            "a condition calling only the functions "
                + String.join(", ", functions.names())
                + " (unknown function "
                + (id.getNamespace() == null ? "" : id.getNamespace() + ":")
                + name
                + Suggestions.didYouMean(name, functions.names())
                + ")";
        return;
      }
      JexlNode args = f.jjtGetChild(1);
      if (args.jjtGetNumChildren() != fn.arity()) {
        problem =
            name
                + " with "
                + fn.arity()
                + (fn.arity() == 1 ? " argument" : " arguments")
                + " (it has "
                + args.jjtGetNumChildren()
                + ")";
        return;
      }
      if (fn.usesHistory()) {
        List<String> ref =
            args.jjtGetNumChildren() > 0 && args.jjtGetChild(0) instanceof ASTReference r
                ? refOf(r)
                : null;
        if (ref == null || mode == Mode.QUERY || ref.get(0).equals("probe")) {
          problem =
              name
                  + "'s first argument to be a field like disk.used_percent"
                  + (mode == Mode.QUERY ? " (query rules compute this in their query)" : "");
          return;
        }
        String before = historyFields.putIfAbsent(name, ref.get(1));
        if (before != null && !before.equals(ref.get(1))) {
          problem =
              name
                  + " on one field per rule (it is called on "
                  + before
                  + " and "
                  + ref.get(1)
                  + ")";
          return;
        }
      }
      visit(args, false);
    }

    private Condition.ValueSource valueOf(JexlNode left) {
      if (left instanceof ASTReference r && refOf(r) != null) {
        List<String> ref = refOf(r);
        return new Condition.FieldValue(ref.get(0), ref.get(1));
      }
      if (left instanceof ASTIdentifier id && mode == Mode.QUERY) {
        return new Condition.ColumnValue(id.getName());
      }
      if (left instanceof ASTFunctionNode) {
        return new Condition.FunctionValue();
      }
      for (int i = 0; i < left.jjtGetNumChildren(); i++) {
        Condition.ValueSource v = valueOf(left.jjtGetChild(i));
        if (!(v instanceof Condition.NoValue)) {
          return v;
        }
      }
      return new Condition.NoValue();
    }

    /** {@code probe.type == "ping"}, alone or in a top-level chain of {@code &&}. */
    private String probeTypeOf(JexlNode node) {
      String kind = node.getClass().getSimpleName();
      if (kind.equals("ASTAndNode")) {
        for (int i = 0; i < node.jjtGetNumChildren(); i++) {
          String t = probeTypeOf(node.jjtGetChild(i));
          if (t != null) {
            return t;
          }
        }
        return null;
      }
      if (kind.equals("ASTEQNode")
          && node.jjtGetChild(0) instanceof ASTReference r
          && List.of("probe", "type").equals(refOf(r))
          && node.jjtGetChild(1) instanceof ASTStringLiteral s) {
        return s.getLiteral();
      }
      return null;
    }
  }

  /** {@code [measurement, field]} for a reference {@code measurement.field}, else {@code null}. */
  private static List<String> refOf(ASTReference r) {
    if (r.jjtGetNumChildren() == 2
        && r.jjtGetChild(0) instanceof ASTIdentifier id
        && id.getNamespace() == null
        && r.jjtGetChild(1) instanceof ASTIdentifierAccess access
        && access.getClass() == ASTIdentifierAccess.class) {
      return List.of(id.getName(), access.getName());
    }
    return null;
  }
}
