/**
 * MNIST and other training data for the engine.
 *
 * <ul>
 *   <li>{@link org.inkling.data.IdxReader} reads IDX files (gzipped or raw) and rejects damaged ones
 *       with a {@link org.inkling.data.MnistFileException} that names the file and the problem.
 *   <li>{@link org.inkling.data.MnistLocator} finds the four files ({@code --data DIR},
 *       {@code INKLING_MNIST}, {@code ~/.cache/inkling/mnist}); {@link org.inkling.data.MnistDownloader}
 *       fills the cache from public mirrors, verified by SHA-256 of the decoded bytes.
 *   <li>{@link org.inkling.data.MnistDataset}, {@link org.inkling.data.ArrayExamples} and
 *       {@link org.inkling.data.ConcatExamples} are the {@link org.inkling.nn.Examples} the trainer
 *       reads; MNIST pixels stay bytes until a batch is copied out.
 *   <li>{@link org.inkling.data.Augmentation} distorts training batches as an
 *       {@link org.inkling.data.AugmentationConfig} says.
 * </ul>
 */
package org.inkling.data;
