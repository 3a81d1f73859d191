package dev.caveat;

import dev.caveat.listening.ClassifierTraining;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.Modulithic;

/** Caveat: customer service in reverse. */
@Modulithic(systemName = "Caveat", sharedModules = "platform")
@SpringBootApplication
public class CaveatApplication {

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("retrain")) {
      System.exit(retrain(Arrays.copyOfRange(args, 1, args.length)));
    }
    SpringApplication.run(CaveatApplication.class, withDemoFlag(args));
  }

  /**
   * {@code caveat retrain}: rebuilds the classifier from the base set plus reps' corrections,
   * stores it as the next model version, prints it and exits. It opens the data directory itself,
   * so it runs while Caveat is stopped; a running Caveat offers the same as an operator action.
   */
  static int retrain(String[] args) {
    SpringApplication app = new SpringApplication(CaveatApplication.class);
    app.setDefaultProperties(
        Map.of(
            "server.port", "0",
            "caveat.sources.polling.enabled", "false",
            "caveat.sources.streaming.enabled", "false",
            "spring.main.banner-mode", "off"));
    try (ConfigurableApplicationContext context = app.run(args)) {
      ClassifierTraining.ModelVersion model =
          context.getBean(ClassifierTraining.class).retrain("caveat retrain");
      System.out.printf(
          "Classifier model version %d (%s) is now in use: %d base examples, %d corrections.%n",
          model.version(), model.digest(), model.baseExamples(), model.corrections());
      return 0;
    }
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
