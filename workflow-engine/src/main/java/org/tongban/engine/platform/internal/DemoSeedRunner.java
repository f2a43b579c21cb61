package org.tongban.engine.platform.internal;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.tongban.engine.platform.DemoSeedStep;

/** Runs the demo seed steps in order; there are none unless {@code tongban.demo.seed=true}. */
@Component
class DemoSeedRunner implements ApplicationRunner {

    private final List<DemoSeedStep> steps;

    DemoSeedRunner(List<DemoSeedStep> steps) {
        this.steps = steps;
    }

    @Override
    public void run(ApplicationArguments args) {
        steps.forEach(DemoSeedStep::seed);
    }
}
