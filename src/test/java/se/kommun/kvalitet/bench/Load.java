package se.kommun.kvalitet.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Closed-loop load: N clients call one operation back to back; warm-up, then rounds; median round rate. */
final class Load {

    @FunctionalInterface
    interface Op {
        /** @param client 0..clients-1; throw to count an error */
        void call(int client) throws Exception;
    }

    record Result(String name, int clients, double perSecond, double p50Ms, double p95Ms, double p99Ms, long ops,
            long errors, String firstError, List<Double> roundRates) {

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("clients", clients);
            map.put("perSecond", round1(perSecond));
            map.put("p50Ms", round1(p50Ms));
            map.put("p95Ms", round1(p95Ms));
            map.put("p99Ms", round1(p99Ms));
            map.put("ops", ops);
            map.put("errors", errors);
            if (firstError != null) {
                map.put("firstError", firstError);
            }
            map.put("roundRates", roundRates.stream().map(Load::round1).toList());
            return map;
        }
    }

    private final double warmupSeconds;
    private final int rounds;
    private final double roundSeconds;

    Load(double warmupSeconds, int rounds, double roundSeconds) {
        this.warmupSeconds = warmupSeconds;
        this.rounds = rounds;
        this.roundSeconds = roundSeconds;
    }

    Result run(String name, int clients, Op op) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            phase(pool, clients, op, warmupSeconds, null, new AtomicLong(), new AtomicReference<>());
            List<Double> rates = new ArrayList<>();
            LongList latencies = new LongList();
            AtomicLong errors = new AtomicLong();
            AtomicReference<String> firstError = new AtomicReference<>();
            for (int r = 0; r < rounds; r++) {
                LongList roundLatencies = new LongList();
                long start = System.nanoTime();
                long ops = phase(pool, clients, op, roundSeconds, roundLatencies, errors, firstError);
                double elapsed = (System.nanoTime() - start) / 1e9;
                rates.add(ops / elapsed);
                latencies.addAll(roundLatencies);
            }
            long[] sorted = latencies.toSortedArray();
            Result result = new Result(name, clients, median(rates), pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                    sorted.length, errors.get(), firstError.get(), rates);
            System.out.printf("  %-28s c=%-3d %9.1f/s  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  errors %d%s%n", name,
                    clients, result.perSecond(), result.p50Ms(), result.p95Ms(), result.p99Ms(), result.errors(),
                    result.firstError() == null ? "" : "  (" + result.firstError() + ")");
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs op on each client for the warm-up time without recording anything; returns successful operations. */
    long warmUp(int clients, Op op) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            return phase(pool, clients, op, warmupSeconds, null, new AtomicLong(), new AtomicReference<>());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs op until the deadline on every client; returns successful operations. */
    private static long phase(ExecutorService pool, int clients, Op op, double seconds, LongList latencies,
            AtomicLong errors, AtomicReference<String> firstError) throws Exception {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        List<Future<LongList>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                LongList mine = new LongList();
                while (System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    try {
                        op.call(client);
                        mine.add(System.nanoTime() - t0);
                    } catch (Exception | AssertionError e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, String.valueOf(e.getMessage()));
                    }
                }
                return mine;
            }));
        }
        long ops = 0;
        for (Future<LongList> future : futures) {
            LongList mine = future.get();
            ops += mine.size();
            if (latencies != null) {
                latencies.addAll(mine);
            }
        }
        return ops;
    }

    /** Percentile (nearest rank) in milliseconds. */
    static double pct(long[] sortedNanos, double percentile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    static double round1(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? value : Math.round(value * 10) / 10.0;
    }

    /** A growable long array without boxing. */
    static final class LongList {
        private long[] values = new long[1024];
        private int size;

        synchronized void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        synchronized void addAll(LongList other) {
            long[] theirs;
            int n;
            synchronized (other) {
                theirs = other.values;
                n = other.size;
            }
            for (int i = 0; i < n; i++) {
                add(theirs[i]);
            }
        }

        synchronized int size() {
            return size;
        }

        synchronized long[] toSortedArray() {
            long[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }
    }
}
