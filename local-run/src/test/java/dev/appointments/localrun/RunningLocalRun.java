package dev.appointments.localrun;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole local run for one test class, on free ports and in memory, as a newcomer
 * starts it: started before the class's first test and closed after its last.
 */
final class RunningLocalRun implements BeforeAllCallback, AfterAllCallback {

    private LocalRun run;

    @Override
    public void beforeAll(ExtensionContext context) {
        run = LocalRun.start(LocalRunSettings.anyFreePorts());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (run != null) {
            run.close();
        }
    }

    LocalRun get() {
        return run;
    }

}
