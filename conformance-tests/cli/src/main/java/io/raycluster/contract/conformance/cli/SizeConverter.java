package io.raycluster.contract.conformance.cli;

import io.raycluster.contract.conformance.Limits;
import java.util.Locale;
import picocli.CommandLine;

/**
 * "64MiB", "10m", "1048576": a size in bytes, for the options that take one ({@code validate
 * --max-file-size}, {@code get --max-body-size}); at most what one Java array holds.
 */
final class SizeConverter implements CommandLine.ITypeConverter<Long> {
  @Override
  public Long convert(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    long unit = 1;
    String[][] units = {{"gib", "1073741824"}, {"mib", "1048576"}, {"kib", "1024"},
        {"gb", "1000000000"}, {"mb", "1000000"}, {"kb", "1000"},
        {"g", "1073741824"}, {"m", "1048576"}, {"k", "1024"}, {"b", "1"}};
    for (String[] u : units) {
      if (v.endsWith(u[0])) {
        unit = Long.parseLong(u[1]);
        v = v.substring(0, v.length() - u[0].length()).trim();
        break;
      }
    }
    try {
      long n = Long.parseLong(v);
      if (n <= 0) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a positive size");
      }
      long bytes = Math.multiplyExact(n, unit);
      if (bytes > Limits.MAX_BYTES_CEILING) {
        throw new CommandLine.TypeConversionException("'" + value + "' is more than "
            + Limits.MAX_BYTES_CEILING + " bytes (about 2 GiB), the largest file that can be read");
      }
      return bytes;
    } catch (NumberFormatException | ArithmeticException e) {
      throw new CommandLine.TypeConversionException("'" + value + "' is not a size such as 64MiB or 500KiB");
    }
  }
}
