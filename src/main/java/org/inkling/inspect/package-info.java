/**
 * Looking inside a model, for the app's Evaluate and Inside views and the command line: predictions
 * over a labelled set (confusion matrix, per-class accuracy, galleries ordered by how sure a wrong
 * answer was), the "why this reading" map (input gradient times input), and a network's weights and
 * activations as pictures. No JavaFX; may use {@code nn}, {@code data}, {@code ink} and {@code base}.
 */
package org.inkling.inspect;
