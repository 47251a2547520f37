package org.inkling.app.training;

import java.nio.file.Path;
import org.inkling.training.TrainingRecipe;

/** One press of Train: the recipe the form validated into, and the MNIST folder to train on. */
public record TrainingRequest(TrainingRecipe recipe, Path mnistFolder) {}
