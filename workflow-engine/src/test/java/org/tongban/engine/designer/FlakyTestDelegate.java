package org.tongban.engine.designer;

import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Test-only delegate: fails like an unreachable outside system until {@link #recover()} is called. */
@Component("flakyTestDelegate")
public class FlakyTestDelegate implements JavaDelegate {

    private final AtomicBoolean healthy = new AtomicBoolean(false);

    public void recover() {
        healthy.set(true);
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!healthy.get()) {
            throw new IllegalStateException("外部系统不可达 (测试)");
        }
    }
}
