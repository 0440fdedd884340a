package io.ravenwatch.alerts.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ravenwatch.alerts.api.Labels;
import org.junit.jupiter.api.Test;

class TemplateTest {
  private final Template.Values values = new Template.Values("r", "db1", 1_209_600.0, 14.0, "");

  @Test
  void rendersFiltersAndLeavesPlainTextAlone() {
    assertThat(
            Template.parse(
                    "{{value|days}} d, {{ value | hours }} h, {{ threshold }}; {{ labels.a }}!")
                .render(values, Labels.of("a", "x")))
        .isEqualTo("14 d, 336 h, 14; x!");
    assertThat(Template.parse("no placeholders").render(values, Labels.EMPTY))
        .isEqualTo("no placeholders");
  }

  @Test
  void refusesCodeAndUnknownNames() {
    assertThatThrownBy(() -> Template.parse("{{ T(java.lang.Runtime).exec('x') }}"))
        .hasMessageStartingWith("placeholders {{ value }}");
    assertThatThrownBy(() -> Template.parse("{{ value | upper }}"))
        .hasMessage("a filter of days, hours, round after |");
    assertThatThrownBy(() -> Template.parse("{{ value "))
        .hasMessage("a closing }} for the {{ at character 1");
  }
}
