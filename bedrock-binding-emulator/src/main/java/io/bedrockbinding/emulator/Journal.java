package io.bedrockbinding.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The request journal: lock-free appends from the server threads, bounded so that an
 * emulator that runs for days (the sample app) does not grow without end.
 */
final class Journal {

	private final ConcurrentLinkedQueue<JournalEntry> entries = new ConcurrentLinkedQueue<>();

	private final AtomicInteger size = new AtomicInteger();

	private final int limit;

	Journal(int limit) {
		this.limit = limit;
	}

	void add(JournalEntry entry) {
		this.entries.add(entry);
		if (this.size.incrementAndGet() > this.limit && this.entries.poll() != null) {
			this.size.decrementAndGet();
		}
	}

	List<JournalEntry> snapshot() {
		return List.copyOf(new ArrayList<>(this.entries));
	}

	void clear() {
		while (this.entries.poll() != null) {
			this.size.decrementAndGet();
		}
	}

}
