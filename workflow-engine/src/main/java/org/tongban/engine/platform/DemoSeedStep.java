package org.tongban.engine.platform;

/**
 * One step of demo seeding (demo city, matter catalogue …). Steps run in {@code @Order} once the application
 * has started, each doing nothing when its data is already there.
 */
public interface DemoSeedStep {

    void seed();
}
