package io.bedrockbinding.registry;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's version now in force, the lock its writers hold, and the listeners told
 * of each change. Readers read {@link #get()} without a lock; a writer builds the next
 * version under {@link #writeLock} and {@linkplain #publish publishes} it with one
 * volatile write.
 */
final class CurrentState {

	final Object writeLock = new Object();

	private final List<BindingListener> listeners = new CopyOnWriteArrayList<>();

	private volatile RegistryState state;

	CurrentState(RegistryState initial) {
		this.state = initial;
	}

	/**
	 * The version now in force.
	 * @return the state
	 */
	RegistryState get() {
		return this.state;
	}

	/**
	 * Puts {@code next} in force and tells the listeners, unless nothing changed. Called
	 * under the write lock.
	 * @param next the new version
	 * @param layer the layer that changed
	 * @param changed the models whose binding may have changed
	 */
	void publish(RegistryState next, OriginKind layer, Set<String> changed) {
		this.state = next;
		if (!changed.isEmpty()) {
			for (BindingListener listener : this.listeners) {
				try {
					listener.bindingsChanged(layer, changed);
				}
				catch (RuntimeException ex) {
					Log.logger.warn("Binding listener {} failed", listener, ex);
				}
			}
		}
	}

	/**
	 * Registers a listener.
	 * @param listener called after each change
	 * @return a handle that removes the listener when closed
	 */
	AutoCloseable addListener(BindingListener listener) {
		this.listeners.add(listener);
		return () -> this.listeners.remove(listener);
	}

	/**
	 * The registry's logger.
	 * @return the logger, made on first use
	 */
	static Logger logger() {
		return Log.logger;
	}

	/**
	 * The logger, made on first use: a command-line start that logs nothing does not
	 * initialise logging.
	 */
	private static final class Log {

		static final Logger logger = LoggerFactory.getLogger(BindingRegistry.class);

	}

}
