package io.phoenix.itests.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The caller threads of a counter load: each counter belongs to exactly one thread (so its outcomes are exact, see
 * {@link AckLedger}), threads call until {@link #close()}, which waits for the calls in flight.
 */
abstract class CounterCallers implements AutoCloseable {

    final AckLedger ledger;
    volatile boolean running;
    private final List<Thread> workers = new ArrayList<>();

    CounterCallers(List<String> counters) {
        this.ledger = new AckLedger(counters);
    }

    /** Starts {@code threads} threads; thread t gets every counter whose index is t modulo {@code threads}. */
    void startThreads(int threads, String name, BiConsumer<Integer, List<String>> body) {
        running = true;
        List<String> ids = ledger.ids();
        for (int t = 0; t < threads; t++) {
            List<String> mine = new ArrayList<>();
            for (int i = t; i < ids.size(); i += threads) {
                mine.add(ids.get(i));
            }
            int index = t;
            Thread worker = new Thread(() -> body.accept(index, mine), name + "-" + t);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    AckLedger ledger() {
        return ledger;
    }

    /** Stops the threads, waiting for their calls in flight. */
    @Override
    public void close() {
        running = false;
        for (Thread worker : workers) {
            try {
                worker.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
