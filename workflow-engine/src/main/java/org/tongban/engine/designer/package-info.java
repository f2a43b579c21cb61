/**
 * 流程设计与运维: what process designers do with models and their running cases — validate a model before it is
 * deployed (XML, Camunda's own parser, the platform's conventions; every problem named by its element id), keep
 * drafts, deploy, list versions with their running cases, diff two versions, migrate running cases between versions
 * with Camunda's migration API (generated plan, preview, batch with progress), and monitor a version (running cases
 * and average time per activity, incidents with retry). Only designers and administrators use it.
 */
package org.tongban.engine.designer;
