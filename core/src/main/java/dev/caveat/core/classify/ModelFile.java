package dev.caveat.core.classify;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * Reads and writes models. Layout: the magic {@code CAVEATCM}, the format version, a plain header
 * ({@link ModelInfo}, feature schema, lexicon fingerprint, sizes), the non-zero weight rows
 * deflated, and a CRC-32 of everything before it. A file from another format version, or whose
 * features were computed differently, is refused with a {@link ModelFormatException} that says so:
 * retrain it from the base set and the corrections.
 */
public final class ModelFile {

  public static final int FORMAT_VERSION = 1;
  private static final byte[] MAGIC = "CAVEATCM".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_BYTES = 256 << 20;

  private ModelFile() {}

  public static void write(Model model, OutputStream out) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    DataOutputStream d = new DataOutputStream(bytes);
    d.write(MAGIC);
    d.writeInt(FORMAT_VERSION);
    ModelInfo info = model.info();
    d.writeUTF(info.version());
    d.writeLong(info.trainedAt().toEpochMilli());
    d.writeInt(info.baseExamples());
    d.writeInt(info.corrections());
    writeCounts(d, info.perLanguage());
    writeCounts(d, info.perIntent());
    d.writeInt(FeatureExtractor.SCHEMA);
    d.writeLong(Lexicon.fingerprint());
    d.writeInt(Features.BITS);
    d.writeInt(Model.OUTPUTS);
    for (float b : model.bias) {
      d.writeFloat(b);
    }
    DeflaterOutputStream z = new DeflaterOutputStream(d, new Deflater(Deflater.BEST_SPEED));
    DataOutputStream w = new DataOutputStream(z);
    float[] weights = model.weights;
    int rows = 0;
    for (int r = 0; r < Features.SIZE; r++) {
      rows += nonZero(weights, r) ? 1 : 0;
    }
    w.writeInt(rows);
    int previous = -1;
    for (int r = 0; r < Features.SIZE; r++) {
      if (nonZero(weights, r)) {
        w.writeInt(r - previous);
        previous = r;
        for (int k = 0; k < Model.OUTPUTS; k++) {
          w.writeFloat(weights[r * Model.OUTPUTS + k]);
        }
      }
    }
    w.flush();
    z.finish();
    d.flush();
    CRC32 crc = new CRC32();
    crc.update(bytes.toByteArray());
    d.writeLong(crc.getValue());
    d.flush();
    bytes.writeTo(out);
    out.flush();
  }

  /** Reads a model written by {@link #write}; the stream is read to its end, not closed. */
  public static Model read(InputStream in) throws IOException {
    byte[] all = in.readNBytes(MAX_BYTES + 1);
    if (all.length > MAX_BYTES) {
      throw new ModelFormatException("not a Caveat classifier model: larger than 256 MiB");
    }
    if (all.length < MAGIC.length + 4 + 8
        || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new ModelFormatException(
          "not a Caveat classifier model: the file does not start with "
              + new String(MAGIC, StandardCharsets.US_ASCII));
    }
    DataInputStream d = new DataInputStream(new ByteArrayInputStream(all));
    d.skipNBytes(MAGIC.length);
    int version = d.readInt();
    if (version != FORMAT_VERSION) {
      throw new ModelFormatException(
          "classifier model format version "
              + version
              + " is not supported: this Caveat reads version "
              + FORMAT_VERSION
              + "; retrain the model from the base set and the corrections");
    }
    CRC32 crc = new CRC32();
    crc.update(all, 0, all.length - 8);
    long stored = new DataInputStream(new ByteArrayInputStream(all, all.length - 8, 8)).readLong();
    if (stored != crc.getValue()) {
      throw new ModelFormatException(
          "classifier model file is damaged (checksum mismatch): write it again or retrain");
    }
    try {
      return body(d);
    } catch (EOFException e) {
      throw new ModelFormatException("classifier model file is damaged: it ends too early", e);
    }
  }

  private static Model body(DataInputStream d) throws IOException {
    String modelVersion = d.readUTF();
    Instant trainedAt = Instant.ofEpochMilli(d.readLong());
    int base = d.readInt();
    int corrections = d.readInt();
    Map<String, Integer> perLanguage = readCounts(d);
    Map<String, Integer> perIntent = readCounts(d);
    int schema = d.readInt();
    long lexicon = d.readLong();
    int bits = d.readInt();
    int outputs = d.readInt();
    if (schema != FeatureExtractor.SCHEMA
        || lexicon != Lexicon.fingerprint()
        || bits != Features.BITS
        || outputs != Model.OUTPUTS) {
      throw new ModelFormatException(
          "classifier model "
              + modelVersion
              + " was trained on other features (schema "
              + schema
              + ", lexicons "
              + Long.toHexString(lexicon)
              + ") than this Caveat computes (schema "
              + FeatureExtractor.SCHEMA
              + ", lexicons "
              + Long.toHexString(Lexicon.fingerprint())
              + "); retrain it from the base set and the corrections");
    }
    float[] bias = new float[Model.OUTPUTS];
    for (int k = 0; k < bias.length; k++) {
      bias[k] = d.readFloat();
    }
    DataInputStream w = new DataInputStream(new InflaterInputStream(d));
    float[] weights = new float[Features.SIZE * Model.OUTPUTS];
    int rows = w.readInt();
    int r = -1;
    for (int i = 0; i < rows; i++) {
      r += w.readInt();
      if (r < 0 || r >= Features.SIZE) {
        throw new ModelFormatException(
            "classifier model file is damaged: a weight row is out of range");
      }
      for (int k = 0; k < Model.OUTPUTS; k++) {
        weights[r * Model.OUTPUTS + k] = w.readFloat();
      }
    }
    ModelInfo info =
        new ModelInfo(
            FORMAT_VERSION, modelVersion, trainedAt, base, corrections, perLanguage, perIntent);
    return new Model(info, weights, bias);
  }

  private static boolean nonZero(float[] weights, int row) {
    for (int k = 0; k < Model.OUTPUTS; k++) {
      if (weights[row * Model.OUTPUTS + k] != 0f) {
        return true;
      }
    }
    return false;
  }

  private static void writeCounts(DataOutputStream d, Map<String, Integer> counts)
      throws IOException {
    Map<String, Integer> sorted = new TreeMap<>(counts);
    d.writeInt(sorted.size());
    for (Map.Entry<String, Integer> e : sorted.entrySet()) {
      d.writeUTF(e.getKey());
      d.writeInt(e.getValue());
    }
  }

  private static Map<String, Integer> readCounts(DataInputStream d) throws IOException {
    int n = d.readInt();
    if (n < 0 || n > 1000) {
      throw new ModelFormatException("classifier model file is damaged: bad header");
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      counts.put(d.readUTF(), d.readInt());
    }
    return counts;
  }
}
