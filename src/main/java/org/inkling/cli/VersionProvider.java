package org.inkling.cli;

import picocli.CommandLine;

/**
 * Reads the version from the jar manifest, so it follows the pom, and names the Java that runs it:
 * which JDK a build tool or launcher picked is the first question when a set-up misbehaves.
 */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = InklingCommand.class.getPackage().getImplementationVersion();
        return new String[] {"Inkling " + (v == null ? "development build" : v),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ") at " + System.getProperty("java.home")};
    }
}
