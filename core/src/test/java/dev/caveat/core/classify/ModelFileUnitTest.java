package dev.caveat.core.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ModelFileUnitTest {

  private static final Model MODEL = Classifier.standard().model();

  private static byte[] bytes(Model m) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ModelFile.write(m, out);
    return out.toByteArray();
  }

  @Test
  void roundTripKeepsWeightsAndHeader() throws IOException {
    byte[] file = bytes(MODEL);
    Model read = ModelFile.read(new ByteArrayInputStream(file));
    assertThat(read.weights).isEqualTo(MODEL.weights);
    assertThat(read.bias).isEqualTo(MODEL.bias);
    assertThat(read.info()).isEqualTo(MODEL.info());
    assertThat(read.info().baseExamples()).isEqualTo(6051);
    assertThat(read.info().perLanguage()).containsKeys("en", "fr", "de", "nl", "es");
    String post = "Mon colis n'est jamais arrivé, je veux être remboursé";
    assertThat(Classifier.of(read).classify(ClassifyInput.of(post)))
        .isEqualTo(Classifier.of(MODEL).classify(ClassifyInput.of(post)));
  }

  @Test
  void theHeaderStartsWithMagicAndFormatVersion() throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes(MODEL)));
    byte[] magic = in.readNBytes(8);
    assertThat(new String(magic, StandardCharsets.US_ASCII)).isEqualTo("CAVEATCM");
    assertThat(in.readInt()).isEqualTo(ModelFile.FORMAT_VERSION);
    assertThat(in.readUTF()).isEqualTo(MODEL.info().version());
  }

  @Test
  void aDamagedFileIsRefusedWithAClearError() throws IOException {
    byte[] file = bytes(MODEL);
    file[file.length / 2] ^= 0x5A;
    assertThatThrownBy(() -> ModelFile.read(new ByteArrayInputStream(file)))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("damaged");
    byte[] cut = Arrays.copyOf(bytes(MODEL), 100);
    assertThatThrownBy(() -> ModelFile.read(new ByteArrayInputStream(cut)))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("damaged");
  }

  @Test
  void anUnknownFormatVersionIsRefused() throws IOException {
    byte[] file = bytes(MODEL);
    ByteBuffer.wrap(file).putInt(8, 99);
    assertThatThrownBy(() -> ModelFile.read(new ByteArrayInputStream(file)))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("format version 99 is not supported")
        .hasMessageContaining("retrain");
  }

  @Test
  void somethingElseIsNotAModel() {
    byte[] json = "{\"not\":\"a model at all, just some json\"}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ModelFile.read(new ByteArrayInputStream(json)))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("not a Caveat classifier model");
  }
}
