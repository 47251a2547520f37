/**
 * What every room of Inkling shares and nothing else: atomic saves, the MNIST geometry, opening a file
 * a person names ({@link org.inkling.base.Inputs}: regular files only, size limits) and untrusted text
 * made fit for a message ({@link org.inkling.base.SafeText}). Uses the JDK only, so every room,
 * {@code json} included, can depend on it.
 */
package org.inkling.base;
