package dev.caveat;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** Caveat: customer service in reverse. */
@Modulithic(systemName = "Caveat", sharedModules = "platform")
@SpringBootApplication
public class CaveatApplication {

  public static void main(String[] args) {
    SpringApplication.run(CaveatApplication.class, withDemoFlag(args));
  }

  /** {@code --demo} is short for {@code --caveat.demo.enabled=true}. */
  static String[] withDemoFlag(String[] args) {
    List<String> expanded = new ArrayList<>();
    for (String arg : args) {
      expanded.add(arg.equals("--demo") ? "--caveat.demo.enabled=true" : arg);
    }
    return expanded.toArray(String[]::new);
  }
}
