package io.computecase.local.kube.table;

import java.time.Duration;

/** Formats an age the way kubectl's AGE column does (45s, 3m12s, 5h, 2d3h, 1y20d). */
public final class HumanDuration {

  private HumanDuration() {}

  public static String format(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds < -1) {
      return "<invalid>";
    } else if (seconds < 0) {
      return "0s";
    } else if (seconds < 120) {
      return seconds + "s";
    }
    long minutes = duration.toMinutes();
    if (minutes < 10) {
      long s = seconds % 60;
      return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
    } else if (minutes < 180) {
      return minutes + "m";
    }
    long hours = duration.toHours();
    if (hours < 8) {
      long m = minutes % 60;
      return m == 0 ? hours + "h" : hours + "h" + m + "m";
    } else if (hours < 48) {
      return hours + "h";
    } else if (hours < 24 * 8) {
      long h = hours % 24;
      return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
    } else if (hours < 24 * 365 * 2) {
      return hours / 24 + "d";
    } else if (hours < 24 * 365 * 8) {
      long d = (hours / 24) % 365;
      return d == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + d + "d";
    }
    return hours / 24 / 365 + "y";
  }
}
