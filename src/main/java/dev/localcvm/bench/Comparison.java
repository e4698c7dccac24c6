package dev.localcvm.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs that are compared with each other, alternated (A, B, C, A, B, C, …) so that a drift of the machine
 * (another user's compile, the JIT) falls on all of them alike; each figure is then reported with its spread.
 */
final class Comparison {
    /** One side of the comparison: its label and how to run it with a given warm-up. */
    record Contender(String label, Function<Duration, RunResult> run) {
    }

    private final String title;
    private final List<Contender> contenders;
    private final List<List<RunResult>> results = new ArrayList<>();

    Comparison(String title, List<Contender> contenders) {
        this.title = title;
        this.contenders = List.copyOf(contenders);
        contenders.forEach(c -> results.add(new ArrayList<>()));
    }

    /**
     * @param warmup before the first run of each contender (the JIT compiles its path then)
     * @param settle before every later run (connections, caches after the previous contender)
     */
    Comparison run(int rounds, Duration warmup, Duration settle, Consumer<RunResult> onEach) {
        for (int round = 0; round < rounds; round++) {
            for (int c = 0; c < contenders.size(); c++) {
                RunResult r = contenders.get(c).run().apply(round == 0 ? warmup : settle);
                results.get(c).add(r);
                onEach.accept(r);
            }
        }
        return this;
    }

    String title() {
        return title;
    }

    int size() {
        return contenders.size();
    }

    String label(int contender) {
        return contenders.get(contender).label();
    }

    List<RunResult> results(int contender) {
        return results.get(contender);
    }

    /** {@code figure(a) / figure(b)} of each round, a's run over b's run of the same round. */
    Spread ratio(int a, int b, Function<RunResult, Double> figure) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(results.get(a).size(), results.get(b).size()); i++) {
            ratios.add(figure.apply(results.get(a).get(i)) / figure.apply(results.get(b).get(i)));
        }
        return Spread.of(ratios);
    }
}
