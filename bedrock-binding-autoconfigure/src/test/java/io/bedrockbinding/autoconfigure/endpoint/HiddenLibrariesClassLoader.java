package io.bedrockbinding.autoconfigure.endpoint;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A class loader that behaves as if some libraries were not on the classpath: their
 * classes cannot be loaded, and their resources (the class files, but also their
 * {@code AutoConfiguration.imports} and condition metadata) cannot be found. Boot's
 * FilteredClassLoader hides classes only, so the auto-configurations that those jars list
 * would still be imported, as they never are in a real application without them.
 */
final class HiddenLibrariesClassLoader extends ClassLoader {

	private final List<String> packages;

	private final List<String> jarPrefixes;

	/**
	 * @param packages package prefixes whose classes are hidden, e.g.
	 * {@code org.springframework.boot.actuate.}
	 * @param jarPrefixes jar file name prefixes whose resources are hidden, e.g.
	 * {@code spring-boot-actuator}
	 */
	HiddenLibrariesClassLoader(List<String> packages, List<String> jarPrefixes) {
		super(HiddenLibrariesClassLoader.class.getClassLoader());
		this.packages = packages;
		this.jarPrefixes = jarPrefixes;
	}

	@Override
	protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
		if (isHiddenClass(name)) {
			throw new ClassNotFoundException(name);
		}
		return super.loadClass(name, resolve);
	}

	@Override
	public @Nullable URL getResource(String name) {
		URL url = super.getResource(name);
		return (url == null || isHiddenResource(name, url)) ? null : url;
	}

	@Override
	public Enumeration<URL> getResources(String name) throws IOException {
		List<URL> visible = Collections.list(super.getResources(name))
			.stream()
			.filter((url) -> !isHiddenResource(name, url))
			.toList();
		return Collections.enumeration(visible);
	}

	private boolean isHiddenClass(String className) {
		return this.packages.stream().anyMatch(className::startsWith);
	}

	private boolean isHiddenResource(String name, URL url) {
		if (name.endsWith(".class") && isHiddenClass(name.substring(0, name.length() - 6).replace('/', '.'))) {
			return true;
		}
		String path = url.toString();
		return this.jarPrefixes.stream().anyMatch((jar) -> path.contains("/" + jar));
	}

}
