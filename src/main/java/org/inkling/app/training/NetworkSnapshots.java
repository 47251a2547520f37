package org.inkling.app.training;

import org.inkling.app.model.Classifier;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.inkling.nn.Sequential;

/**
 * Copies of a network being trained, for the live bars: the training thread copies the weights
 * into one of three networks allocated once per run (instead of a new network every 100 ms), and
 * the FX thread classifies with the copy it was handed last.
 *
 * <p>Threads: {@link #take} runs on the training thread between batches (the only time the
 * trained network may be read); {@link Copy#classify} runs on the FX thread. A copy is never
 * written while it is being read: the writer skips a copy whose read lock is held and never writes
 * the copy handed out last, so with three copies one is always free.
 */
public final class NetworkSnapshots {
    private final Sequential source;
    private final Copy[] copies = new Copy[3];
    private volatile Copy latest;

    public NetworkSnapshots(Sequential source) {
        this.source = source;
    }

    /** Training thread: the network's weights as they are now, or null if every copy is busy. */
    public Classifier take() {
        for (int i = 0; i < copies.length; i++) {
            if (copies[i] == null) copies[i] = new Copy(source.copy());
            Copy c = copies[i];
            if (c == latest || !c.lock.writeLock().tryLock()) continue;
            try {
                c.network.copyWeightsFrom(source);
            } finally {
                c.lock.writeLock().unlock();
            }
            latest = c;
            return c;
        }
        return null;
    }

    /** One reused copy of the network. */
    static final class Copy implements Classifier {
        private final Sequential network;
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

        private Copy(Sequential network) {
            this.network = network;
        }

        @Override
        public float[] classify(float[] input) {
            lock.readLock().lock();
            try {
                return network.predict(input);
            } finally {
                lock.readLock().unlock();
            }
        }
    }
}
