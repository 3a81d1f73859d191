package dev.caveat;

import java.util.stream.Stream;
import org.springframework.modulith.core.ApplicationModuleDetectionStrategy;
import org.springframework.modulith.core.JavaPackage;

/**
 * Every direct sub-package is an application module, except {@code dev.caveat.core}: that is the
 * framework-free engine from the core jar, a library every module may use, not a module itself.
 */
public class ModuleDetection implements ApplicationModuleDetectionStrategy {

  static final String ENGINE = "dev.caveat.core";

  @Override
  public Stream<JavaPackage> getModuleBasePackages(JavaPackage rootPackage) {
    return rootPackage.getDirectSubPackages().stream()
        .filter(candidate -> !candidate.getName().equals(ENGINE));
  }
}
