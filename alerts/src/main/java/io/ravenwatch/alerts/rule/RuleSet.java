package io.ravenwatch.alerts.rule;

import io.ravenwatch.alerts.query.QueryRule;
import java.util.List;
import java.util.Optional;

/**
 * Every rule loaded from the rules directory and the shipped defaults, disabled ones included.
 *
 * @param rules rules over probe results
 * @param queryRules rules that run an InfluxQL query on an interval
 */
public record RuleSet(List<Rule> rules, List<QueryRule> queryRules) {

  public RuleSet {
    rules = List.copyOf(rules);
    queryRules = List.copyOf(queryRules);
  }

  /** The rules over probe results that are enabled. */
  public List<Rule> enabled() {
    return rules.stream().filter(Rule::enabled).toList();
  }

  /** The query rules that are enabled. */
  public List<QueryRule> enabledQueryRules() {
    return queryRules.stream().filter(QueryRule::enabled).toList();
  }

  public Optional<Rule> find(String name) {
    return rules.stream().filter(r -> r.name().equals(name)).findFirst();
  }
}
