package org.inkling.app;

/** TEMPORARY until the engine lands on main: replaced by adapters over org.inkling.nn/data/ink. */
final class EngineServices {
    private EngineServices() {}

    static AppServices create() {
        throw new UnsupportedOperationException("engine not merged yet");
    }
}
