package io.computecase.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.computecase.helm.chart.ChartSources;
import org.junit.jupiter.api.Test;

class ChartLintTest {

  @Test
  void lintsCleanInStrictMode() {
    LintResult result = new Helm(ChartSources.chartDir()).lint().strict().call();
    assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    assertThat(result.getMessages())
        .noneMatch(message -> message.contains("[ERROR]") || message.contains("[WARNING]"));
  }
}
