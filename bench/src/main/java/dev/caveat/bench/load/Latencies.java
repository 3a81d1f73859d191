package dev.caveat.bench.load;

import java.util.Arrays;

/** Response times of one kind of request, in microseconds; one instance per virtual rep. */
final class Latencies {

  private long[] micros = new long[1024];
  private int count;
  private int errors;

  void add(long nanos) {
    if (count == micros.length) {
      micros = Arrays.copyOf(micros, count * 2);
    }
    micros[count++] = nanos / 1_000;
  }

  void error() {
    errors++;
  }

  void addAll(Latencies other) {
    for (int i = 0; i < other.count; i++) {
      if (count == micros.length) {
        micros = Arrays.copyOf(micros, Math.max(count * 2, 16));
      }
      micros[count++] = other.micros[i];
    }
    errors += other.errors;
  }

  int count() {
    return count;
  }

  int errors() {
    return errors;
  }

  /** "p50 p95 p99 max" in milliseconds with one decimal, and requests per second. */
  String line(String name, double seconds) {
    long[] sorted = Arrays.copyOf(micros, count);
    Arrays.sort(sorted);
    return String.format(
        "%-28s %,9d %8.1f %8.1f %8.1f %8.1f %8.1f %7d",
        name,
        count,
        count / seconds,
        ms(pct(sorted, 50)),
        ms(pct(sorted, 95)),
        ms(pct(sorted, 99)),
        ms(count == 0 ? -1 : sorted[count - 1]),
        errors);
  }

  static String header() {
    return String.format(
        "%-28s %9s %8s %8s %8s %8s %8s %7s",
        "request", "count", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors");
  }

  long p99() {
    long[] sorted = Arrays.copyOf(micros, count);
    Arrays.sort(sorted);
    return pct(sorted, 99);
  }

  private static long pct(long[] sorted, int percentile) {
    return sorted.length == 0
        ? -1
        : sorted[
            Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}
