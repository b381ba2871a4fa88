package io.computecase.operator.http;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/** A Prometheus histogram with fixed buckets, safe to observe from many threads. */
final class Histogram {
  private final String name;
  private final String help;
  private final double[] bounds;
  private final AtomicLong[] buckets;
  private final AtomicLong count = new AtomicLong();
  private final DoubleAdder sum = new DoubleAdder();

  Histogram(String name, String help, double... bounds) {
    this.name = name;
    this.help = help;
    this.bounds = bounds.clone();
    this.buckets = new AtomicLong[bounds.length];
    for (int i = 0; i < buckets.length; i++) {
      buckets[i] = new AtomicLong();
    }
  }

  void observe(double value) {
    count.incrementAndGet();
    sum.add(value);
    for (int i = 0; i < bounds.length; i++) {
      if (value <= bounds[i]) {
        buckets[i].incrementAndGet();
      }
    }
  }

  void render(StringBuilder out) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" histogram\n");
    for (int i = 0; i < bounds.length; i++) {
      out.append(name).append("_bucket{le=\"").append(bounds[i]).append("\"} ");
      out.append(buckets[i].get()).append('\n');
    }
    out.append(name).append("_bucket{le=\"+Inf\"} ").append(count.get()).append('\n');
    out.append(name).append("_sum ").append(sum.sum()).append('\n');
    out.append(name).append("_count ").append(count.get()).append('\n');
  }
}
