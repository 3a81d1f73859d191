package dev.caveat.core.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguagesUnitTest {

  private static String language(String text) {
    return Classifier.standard().classify(ClassifyInput.of(text)).language();
  }

  @Test
  void eachOfTheFiveLanguages() {
    assertThat(language("My parcel still has not arrived and nobody answers the phone"))
        .isEqualTo("en");
    assertThat(language("Mon colis n'est toujours pas arrivé et personne ne répond"))
        .isEqualTo("fr");
    assertThat(language("Mein Paket ist immer noch nicht angekommen und keiner geht ran"))
        .isEqualTo("de");
    assertThat(language("Mijn pakket is nog steeds niet aangekomen en niemand neemt op"))
        .isEqualTo("nl");
    assertThat(language("Mi paquete todavía no ha llegado y nadie contesta el teléfono"))
        .isEqualTo("es");
  }

  @Test
  void shortPostsGoToLingua() {
    Classification c =
        Classifier.standard().classify(ClassifyInput.of("Snelle levering Coolblue, top!"));
    assertThat(c.language()).isEqualTo("nl");
    assertThat(c.reasonsFor("language").getFirst().evidence()).contains("Lingua");
  }

  @Test
  void nothingToTellIsUndeterminedUnlessDeclared() {
    assertThat(language("😡😡😡 https://example.com/x")).isEqualTo("und");
    Classification declared =
        Classifier.standard().classify(ClassifyInput.of("😡😡😡").withLanguage("fr-FR"));
    assertThat(declared.language()).isEqualTo("fr");
    assertThat(declared.reasonsFor("language").getFirst().evidence()).contains("declared");
  }

  @Test
  void clearWordsOverruleAWrongDeclaration() {
    Classification c =
        Classifier.standard()
            .classify(
                ClassifyInput.of(
                        "Ich habe seit drei Tagen kein Internet und die Hotline ist nicht erreichbar")
                    .withLanguage("en"));
    assertThat(c.language()).isEqualTo("de");
  }
}
