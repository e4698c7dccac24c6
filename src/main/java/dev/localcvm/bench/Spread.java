package dev.localcvm.bench;

import java.util.List;

/** The median and the range of a figure over repeated runs: one run against one says nothing here. */
record Spread(double median, double min, double max, int runs) {
    static Spread of(List<Double> values) {
        List<Double> known = values.stream().filter(v -> !Double.isNaN(v)).sorted().toList();
        if (known.isEmpty()) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        int n = known.size();
        double median = n % 2 == 1 ? known.get(n / 2) : (known.get(n / 2 - 1) + known.get(n / 2)) / 2;
        return new Spread(median, known.get(0), known.get(n - 1), n);
    }

    /** {@code median (min-max)} in {@code format}, or n/a. */
    String show(String format) {
        if (runs == 0) {
            return "n/a";
        }
        if (runs == 1) {
            return String.format(format, median);
        }
        return String.format(format + " (" + format.trim() + "-" + format.trim() + ")", median, min, max);
    }
}
