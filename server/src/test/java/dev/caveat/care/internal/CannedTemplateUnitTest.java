package dev.caveat.care.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CannedTemplateUnitTest {

  @Test
  void knownVariablesPassAndAreFilledInWithSpacesInsideTheBracesAllowed() {
    String body = "Hi {{customer.name}}, case {{ case.number }} ({{case.number}}). {{rep.name}}";
    assertThat(CannedTemplate.problem(body)).isEmpty();
    assertThat(CannedTemplate.used(body))
        .containsExactly("customer.name", "case.number", "rep.name");
    assertThat(
            CannedTemplate.fill(
                body, Map.of("customer.name", "Ana $1 \\o/", "case.number", "NB-7K3Q9")))
        .isEqualTo("Hi Ana $1 \\o/, case NB-7K3Q9 (NB-7K3Q9). ");
  }

  @Test
  void anUnknownVariableIsNamedAndAnUnclosedOneIsCaught() {
    assertThat(CannedTemplate.problem("Hi {{customer.firstname}}"))
        .hasValueSatisfying(
            p -> assertThat(p).contains("{{customer.firstname}}").contains("{{customer.name}}"));
    assertThat(CannedTemplate.problem("Hi {{}}"))
        .hasValueSatisfying(p -> assertThat(p).contains("{{}}"));
    assertThat(CannedTemplate.problem("Hi {{customer.name"))
        .hasValueSatisfying(p -> assertThat(p).contains("not closed"));
    assertThat(CannedTemplate.problem("Hi {{ {{customer.name}}"))
        .hasValueSatisfying(p -> assertThat(p).contains("not closed"));
    assertThat(CannedTemplate.problem("Braces {alone} and }} are fine")).isEmpty();
  }
}
