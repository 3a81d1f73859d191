package dev.caveat.source.internal;

import dev.caveat.platform.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Uploaded imports, kept in the data directory until they are stored. */
@Component
class ImportFiles {

  private final Path directory;
  private final long maxBytes;

  ImportFiles(
      @Value("${caveat.data-dir:./data}") Path dataDir,
      @Value("${caveat.imports.max-bytes:2147483648}") long maxBytes) {
    this.directory = dataDir.resolve("imports");
    this.maxBytes = maxBytes;
  }

  /**
   * Writes the upload to disk and forces it there before anyone is told it was received; a partial
   * upload never takes the final name.
   *
   * @return the number of bytes kept
   */
  long save(UUID id, InputStream upload) {
    Path partial = directory.resolve(id + ".jsonl.part");
    try {
      Files.createDirectories(directory);
      long written = 0;
      try (FileChannel channel =
              FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          OutputStream out = Channels.newOutputStream(channel)) {
        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = upload.read(buffer)) != -1) {
          written += read;
          if (written > maxBytes) {
            throw new ApiException(
                HttpStatus.CONTENT_TOO_LARGE,
                "The import is larger than " + maxBytes + " bytes; split it into several imports.");
          }
          out.write(buffer, 0, read);
        }
        channel.force(true);
      }
      Files.move(partial, path(id), StandardCopyOption.ATOMIC_MOVE);
      return written;
    } catch (IOException e) {
      deleteQuietly(partial);
      throw new UncheckedIOException("Could not keep the upload " + id, e);
    } catch (RuntimeException e) {
      deleteQuietly(partial);
      throw e;
    }
  }

  Path path(UUID id) {
    return directory.resolve(id + ".jsonl");
  }

  void delete(UUID id) {
    deleteQuietly(path(id));
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // A file left behind only costs disk space; the job's status is what counts.
    }
  }
}
