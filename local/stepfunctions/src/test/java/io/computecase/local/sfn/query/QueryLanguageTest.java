package io.computecase.local.sfn.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The QueryLanguage field: its two ASL spellings, and a clear refusal of anything else. */
class QueryLanguageTest {

  @Test
  void readsTheAslSpellings() {
    assertThat(QueryLanguage.fromAsl("JSONPath")).isEqualTo(QueryLanguage.JSONPATH);
    assertThat(QueryLanguage.fromAsl("JSONata")).isEqualTo(QueryLanguage.JSONATA);
    assertThat(QueryLanguage.JSONATA.aslName()).isEqualTo("JSONata");
  }

  @Test
  void refusesOtherSpellingsNamingTheAllowedOnes() {
    assertThatThrownBy(() -> QueryLanguage.fromAsl("jsonata"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "SCHEMA_VALIDATION_FAILED: Field 'QueryLanguage' must be one of [JSONPath, JSONata],"
                + " got 'jsonata'");
  }
}
