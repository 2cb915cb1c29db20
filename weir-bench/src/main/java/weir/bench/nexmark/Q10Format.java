package weir.bench.nexmark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * q10's partition directories and CSV lines, the same on both engines' file sinks: a bid's
 * partition is {@code dt=yyyy-MM-dd/hm=HH%3Amm} of its UTC {@code dateTime} (the ':' escaped as
 * Hive-style partition directories write it), its line {@code auction,bidder,price,dateTime,extra}
 * with {@code dateTime} as {@code yyyy-MM-dd HH:mm:ss.SSS} (UTC) and a line feed. The generator's
 * extra is letters only, so no field needs quoting.
 *
 * <p>What the rows of one minute share (the partition, the time up to the minute) is made once per
 * minute and the line is written as ASCII into a reused buffer, so that formatting does not
 * outweigh the engines' work. Not thread-safe: one per encoder or bucket assigner.
 */
final class Q10Format implements Serializable {
  private static final long serialVersionUID = 1L;

  private transient long minute = Long.MIN_VALUE;
  private transient String partition;
  private transient byte[] minutePrefix;
  private transient byte[] line;

  /** The partition directory of a bid made at {@code dateTime}, relative to the output directory. */
  String partition(long dateTime) {
    at(dateTime);
    return partition;
  }

  /** Writes a bid's line to {@code out}. */
  void write(NexmarkEvent.Bid b, OutputStream out) throws IOException {
    at(b.dateTime());
    if (line == null) {
      line = new byte[256];
    }
    int n = 0;
    n = appendLong(n, b.auction());
    n = append(n, (byte) ',');
    n = appendLong(n, b.bidder());
    n = append(n, (byte) ',');
    n = appendLong(n, b.price());
    n = append(n, (byte) ',');
    n = append(n, minutePrefix);
    int millisOfMinute = (int) Math.floorMod(b.dateTime(), 60_000L);
    n = appendDigits(n, millisOfMinute / 1000, 2);
    n = append(n, (byte) '.');
    n = appendDigits(n, millisOfMinute % 1000, 3);
    n = append(n, (byte) ',');
    n = append(n, b.extra().getBytes(StandardCharsets.UTF_8));
    n = append(n, (byte) '\n');
    out.write(line, 0, n);
  }

  private void at(long dateTime) {
    long m = Math.floorDiv(dateTime, 60_000L);
    if (m == minute) {
      return;
    }
    minute = m;
    LocalDateTime t = LocalDateTime.ofEpochSecond(m * 60, 0, ZoneOffset.UTC);
    String hh = twoDigits(t.getHour());
    String mm = twoDigits(t.getMinute());
    partition = "dt=" + t.toLocalDate() + "/hm=" + hh + "%3A" + mm;
    minutePrefix = (t.toLocalDate() + " " + hh + ":" + mm + ":").getBytes(StandardCharsets.US_ASCII);
  }

  private static String twoDigits(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }

  private int append(int n, byte b) {
    ensure(n + 1);
    line[n] = b;
    return n + 1;
  }

  private int append(int n, byte[] bytes) {
    ensure(n + bytes.length);
    System.arraycopy(bytes, 0, line, n, bytes.length);
    return n + bytes.length;
  }

  private int appendLong(int n, long v) {
    if (v < 0) {
      n = append(n, (byte) '-');
      if (v == Long.MIN_VALUE) {
        return append(n, "9223372036854775808".getBytes(StandardCharsets.US_ASCII));
      }
      v = -v;
    }
    int digits = 1;
    for (long p = 10; p <= v && digits < 19; p *= 10) {
      digits++;
    }
    return appendDigits(n, v, digits);
  }

  /** Appends {@code v} in exactly {@code digits} decimal digits, zero-padded. */
  private int appendDigits(int n, long v, int digits) {
    ensure(n + digits);
    for (int i = n + digits - 1; i >= n; i--) {
      line[i] = (byte) ('0' + v % 10);
      v /= 10;
    }
    return n + digits;
  }

  private void ensure(int size) {
    if (size > line.length) {
      line = Arrays.copyOf(line, Math.max(size, line.length * 2));
    }
  }
}
