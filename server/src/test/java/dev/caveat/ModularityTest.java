package dev.caveat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules keep to their boundaries, and their documentation is written into the build. */
class ModularityTest {

  private final ApplicationModules modules = ApplicationModules.of(CaveatApplication.class);

  @Test
  void modulesKeepTheirBoundaries() {
    modules.verify();
    assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
        .contains("account", "listening", "care", "source", "platform", "demo")
        .doesNotContain("core");
  }

  @Test
  void writesModuleDocumentation() throws Exception {
    Documenter.Options options =
        Documenter.Options.defaults().withOutputFolder("target/modulith-docs");
    new Documenter(modules, options).writeDocumentation();
    Path docs = Path.of("target/modulith-docs");
    assertThat(docs.resolve("components.puml")).exists();
    assertThat(Files.readString(docs.resolve("components.puml")).toLowerCase())
        .contains("listening")
        .doesNotContain("core");
  }
}
