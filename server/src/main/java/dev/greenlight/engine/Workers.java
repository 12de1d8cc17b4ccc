package dev.greenlight.engine;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for analysis. Deeply nested code makes every tree walk deep, so analysis threads get a
 * large stack (reserved, not committed, until used).
 */
public final class Workers {

    public static final long STACK_BYTES = 256L * 1024 * 1024;

    private Workers() {
    }

    public static ThreadFactory factory(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(null, task, name + "-" + count.incrementAndGet(), STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        };
    }
}
