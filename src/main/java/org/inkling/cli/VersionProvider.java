package org.inkling.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest, so it follows the pom. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = InklingCommand.class.getPackage().getImplementationVersion();
        return new String[] {"Inkling " + (v == null ? "development build" : v)};
    }
}
