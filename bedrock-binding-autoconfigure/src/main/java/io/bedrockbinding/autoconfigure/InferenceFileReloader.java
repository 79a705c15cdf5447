package io.bedrockbinding.autoconfigure;

import java.io.IOException;

import io.bedrockbinding.file.InferenceFile;
import io.bedrockbinding.file.InferenceFileWatcher;
import io.bedrockbinding.registry.BindingRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Reloads the registry's inference file when it changes, from start to stop of the
 * application context. A file that cannot be watched is read once at start-up (logged).
 * Define a bean of this type to replace it.
 */
public class InferenceFileReloader implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(InferenceFileReloader.class);

	private final BindingRegistry registry;

	private final BedrockBindingProperties.InferenceFile properties;

	private volatile @Nullable InferenceFileWatcher watcher;

	/**
	 * A reloader of the registry's inference file.
	 * @param registry the registry whose file is watched and that applies each change
	 * @param properties the file's properties (the delay between a change and its reload)
	 */
	public InferenceFileReloader(BindingRegistry registry, BedrockBindingProperties.InferenceFile properties) {
		this.registry = registry;
		this.properties = properties;
	}

	@Override
	public void start() {
		InferenceFile file = this.registry.inferenceFile().orElse(null);
		if (file == null) {
			return;
		}
		try {
			this.watcher = InferenceFileWatcher.start(file, this.properties.getWatchDelay(), this.registry::applyFile);
			// The registry read the file when it was made; the watcher counts the file as
			// it is now as seen, so a change in between is read here.
			this.registry.reloadFile();
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Cannot watch {} for changes ({}); it is read once at start-up", file.path(), ex.toString());
		}
	}

	@Override
	public void stop() {
		InferenceFileWatcher current = this.watcher;
		if (current != null) {
			current.close();
			this.watcher = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.watcher != null;
	}

}
