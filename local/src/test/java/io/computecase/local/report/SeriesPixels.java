package io.computecase.local.report;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The pixels of one chart series in a screenshot, found by the series' colour. The legend swatch
 * (drawn above the plot in the same colour) is left out: rows within a few pixels of the topmost
 * match belong to it.
 */
record SeriesPixels(List<int[]> pixels) {
  private static final int TOLERANCE = 24;
  private static final int LEGEND_ROWS = 8;

  static SeriesPixels of(BufferedImage image, String hexColor) {
    int rgb = Integer.parseInt(hexColor.substring(1), 16);
    List<int[]> matches = new ArrayList<>();
    int legendTop = Integer.MAX_VALUE;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (close(image.getRGB(x, y), rgb)) {
          matches.add(new int[] {x, y});
          legendTop = Math.min(legendTop, y);
        }
      }
    }
    int cutoff = legendTop + LEGEND_ROWS;
    return new SeriesPixels(matches.stream().filter(p -> p[1] > cutoff).toList());
  }

  private static boolean close(int a, int b) {
    return Math.abs(((a >> 16) & 0xff) - ((b >> 16) & 0xff)) <= TOLERANCE
        && Math.abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff)) <= TOLERANCE
        && Math.abs((a & 0xff) - (b & 0xff)) <= TOLERANCE;
  }

  int count() {
    return pixels.size();
  }

  int minX() {
    return pixels.stream()
        .mapToInt(p -> p[0])
        .min()
        .orElseThrow(() -> new AssertionError("no pixel of the series"));
  }

  int maxX() {
    return pixels.stream()
        .mapToInt(p -> p[0])
        .max()
        .orElseThrow(() -> new AssertionError("no pixel of the series"));
  }

  int width() {
    return pixels.isEmpty() ? 0 : maxX() - minX();
  }

  /** The mean y of the series' pixels within 3 columns of {@code x}. */
  double meanYAt(int x) {
    return pixels.stream()
        .filter(p -> Math.abs(p[0] - x) <= 3)
        .mapToInt(p -> p[1])
        .average()
        .orElseThrow(() -> new AssertionError("no pixel of the series near x=" + x));
  }
}
