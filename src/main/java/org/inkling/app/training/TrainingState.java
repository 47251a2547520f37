package org.inkling.app.training;

/** Where a training run is; STOPPING lasts until the current batch has finished. */
public enum TrainingState { IDLE, RUNNING, PAUSED, STOPPING }
