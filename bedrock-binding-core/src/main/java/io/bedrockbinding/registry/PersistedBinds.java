package io.bedrockbinding.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.bedrockbinding.file.FileReload;
import io.bedrockbinding.file.InferenceDocument;
import io.bedrockbinding.file.InferenceFile;
import io.bedrockbinding.identifier.TargetList;
import org.jspecify.annotations.Nullable;

/**
 * Binds and unbinds that are written to the inference file. Concurrent persisted binds
 * are committed together: whoever holds the registry's write lock writes every pending
 * bind in one file update (a group commit), so that many threads binding at once cost few
 * file rewrites and lose nothing.
 */
final class PersistedBinds {

	private final InferenceFile file;

	private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();

	PersistedBinds(InferenceFile file) {
		this.file = file;
	}

	/**
	 * Writes {@code binds} to the file, with whatever other binds are pending, and
	 * publishes them.
	 * @param binds the runtime targets by model ID
	 * @param current the registry's state and its write lock
	 * @param writer checks the binds and publishes them on a state that already has them
	 * in its file layer
	 * @return the state published with these binds
	 * @throws UncheckedIOException if writing fails; nothing changes
	 */
	RegistryState bind(Map<String, LayeredTarget> binds, CurrentState current, RuntimeWriter writer) {
		Pending mine = new Pending(binds);
		this.pending.add(mine);
		synchronized (current.writeLock) {
			if (!mine.done) {
				commit(current.get(), writer);
			}
			if (mine.failure != null) {
				throw mine.failure;
			}
			return Objects.requireNonNull(mine.published);
		}
	}

	/**
	 * Removes every line of {@code modelId} from the file.
	 * @param current the registry's state now
	 * @param modelId the model ID
	 * @return {@code current} with the file layer as written
	 */
	RegistryState unbind(RegistryState current, String modelId) {
		try {
			return reloaded(current, this.file.update((document) -> document.without(modelId)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex.getMessage() + "; or unbind at runtime only (persist=false)", ex);
		}
	}

	/**
	 * Writes every queued bind that may be added in one file update, then publishes them.
	 * Each is checked in turn on the state with the ones accepted before it, as if they
	 * had come one after another: a refused bind fails only its own caller.
	 * @param current the registry's state now
	 * @param writer checks and publishes the binds
	 */
	private void commit(RegistryState current, RuntimeWriter writer) {
		List<Pending> accepted = new ArrayList<>();
		Map<String, LayeredTarget> all = new LinkedHashMap<>();
		for (Pending next = this.pending.poll(); next != null; next = this.pending.poll()) {
			try {
				// Checked before the file is written: a refused bind must leave it alone.
				writer.check(accepted.isEmpty() ? current : current.withRuntime(all), next.binds);
				all.putAll(next.binds);
				accepted.add(next);
			}
			catch (RuntimeException ex) {
				next.failure = ex;
				next.done = true;
			}
		}
		if (accepted.isEmpty()) {
			return;
		}
		try {
			RegistryState published = writer.publish(written(current, all), all);
			accepted.forEach((next) -> next.published = published);
		}
		catch (RuntimeException ex) {
			accepted.forEach((next) -> next.failure = ex);
		}
		accepted.forEach((next) -> next.done = true);
	}

	/**
	 * Writes the binds to the file and updates the FILE layer for just those keys: a bind
	 * changes its own line or appends one, so no other line moves and the file need not
	 * be validated again; unless it removed a duplicate line of its model, which moves
	 * the lines after it: then the file is validated again, as after an unbind.
	 * @param current the registry's state now
	 * @param binds the runtime targets by model ID
	 * @return {@code current} with the file layer as written
	 */
	private RegistryState written(RegistryState current, Map<String, LayeredTarget> binds) {
		InferenceDocument written;
		boolean[] moved = new boolean[1];
		try {
			written = this.file.update((document) -> {
				moved[0] = false;
				InferenceDocument edited = document;
				for (Map.Entry<String, LayeredTarget> entry : binds.entrySet()) {
					moved[0] |= !edited.duplicateLinesOf(entry.getKey()).isEmpty();
					edited = edited.with(entry.getKey(), TargetList.format(entry.getValue().targets()));
				}
				return edited;
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex.getMessage() + "; or bind at runtime only (persist=false)", ex);
		}
		if (moved[0]) {
			return reloaded(current, written);
		}
		Map<String, LayeredTarget> fileLayer = new LinkedHashMap<>(current.layer(OriginKind.FILE));
		String path = this.file.path().toString();
		binds.forEach((modelId, bound) -> fileLayer.put(modelId,
				new LayeredTarget(bound.targets(), new Origin(OriginKind.FILE, path + ":" + written.lineOf(modelId)))));
		return current.withFileLayer(fileLayer);
	}

	/**
	 * {@code current} with the file layer read again from what was written: lines moved
	 * (an unbind, a bind that removed a duplicate), so every line is validated again.
	 * @param current the registry's state now
	 * @param written the document as written
	 * @return the new state
	 */
	private RegistryState reloaded(RegistryState current, InferenceDocument written) {
		FileReload reload = FileReload.of(current.fileApplied,
				written.content(this.file.path().toString(), true, Instant.now()));
		return current.withFile(RegistryState.fileLayer(reload.applied()), reload.applied(), reload.reported());
	}

	/** Checks runtime binds and publishes them on a state. */
	interface RuntimeWriter {

		/**
		 * Refuses {@code binds} if they may not be added to {@code state}.
		 * @param state the state they would be added to
		 * @param binds the runtime targets by model ID
		 */
		void check(RegistryState state, Map<String, LayeredTarget> binds);

		/**
		 * Adds {@code binds} to the runtime layer of {@code base} and publishes the
		 * result.
		 * @param base the state to add them to
		 * @param binds the runtime targets by model ID
		 * @return the state published
		 */
		RegistryState publish(RegistryState base, Map<String, LayeredTarget> binds);

	}

	/**
	 * A persisted bind waiting for the next group commit; fields are guarded by the lock.
	 */
	private static final class Pending {

		final Map<String, LayeredTarget> binds;

		boolean done;

		@Nullable RegistryState published;

		@Nullable RuntimeException failure;

		Pending(Map<String, LayeredTarget> binds) {
			this.binds = binds;
		}

	}

}
